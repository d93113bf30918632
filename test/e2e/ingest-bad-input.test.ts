import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseJson, runGrounded, temporaryFolder } from '../support/run-grounded.js';

interface IngestJson {
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
  skipped: { path: string; reason: string }[];
  totalDocuments: number;
}
interface SearchJson {
  results: { doc: string; text: string }[];
}

const good = '# Widgets\n\nThe frobnicator spins widgets at 3000 rpm.\n';

describe('ingest with bad input', () => {
  const folder = temporaryFolder('bad-input');
  const docs = join(folder.path, 'docs');
  const dataDir = join(folder.path, 'data');
  const run = (args: string[]) => runGrounded(args, { cwd: folder.path, dataDir });

  before(() => {
    mkdirSync(docs);
    writeFileSync(join(docs, 'good.md'), good);
    writeFileSync(join(docs, 'binary.txt'), Buffer.from([0x48, 0x49, 0x00, 0x01, 0x02, 0x03]));
    writeFileSync(join(docs, 'latin1.md'), Buffer.from('caf\xe9 cr\xe8me', 'latin1'));
    writeFileSync(join(docs, 'empty.md'), '   \n\n');
    symlinkSync(join(docs, 'does-not-exist.md'), join(docs, 'dangling.md'));
    writeFileSync(
      join(docs, 'corpus.jsonl'),
      [
        '{"_id": "r1", "title": "Gizmo", "text": "The gizmo hums quietly."}',
        '{"_id": "r2", "title": "Gadget", "text": "The gadget glows blue."',
        '{"_id": "r1", "title": "Again", "text": "A duplicate of r1 with other words: zeppelin."}',
        '{"_id": "r3", "title": "Doohickey", "text": "The doohickey rattles."}',
      ].join('\n'),
    );
  });
  after(() => folder.remove());

  it('reports each bad file with a clear reason and ingests the rest', async () => {
    const result = await run(['ingest', 'docs', '--json']);
    assert.equal(result.code, 0, result.stderr);
    const report = parseJson<IngestJson>(result);
    const reasons = new Map(report.skipped.map((skip) => [skip.path, skip.reason]));
    assert.match(reasons.get('binary.txt') ?? '', /binary/);
    assert.match(reasons.get('latin1.md') ?? '', /UTF-8/);
    assert.match(reasons.get('empty.md') ?? '', /empty/);
    assert.ok([...reasons.keys()].some((path) => path.includes('dangling.md')), 'dangling symlink reported');
    assert.match(reasons.get('corpus.jsonl:2') ?? '', /JSON/);
    assert.match(reasons.get('corpus.jsonl:3') ?? '', /duplicate id 'r1'/);
    // good.md + corpus.jsonl are the sources; the JSONL file gives r1 and r3.
    assert.equal(report.added, 2);
    assert.equal(report.totalDocuments, 3);
    // Every skip is also one line on stderr.
    assert.equal(result.stderr.trim().split('\n').length, report.skipped.length);
  });

  it('keeps the first record of a duplicate id and drops the malformed line only', async () => {
    const gizmo = parseJson<SearchJson>(await run(['search', 'gizmo hums', '--json']));
    assert.equal(gizmo.results[0]?.doc, 'r1');
    const zeppelin = parseJson<SearchJson>(await run(['search', 'zeppelin', '--json']));
    assert.equal(zeppelin.results.length, 0);
    const doohickey = parseJson<SearchJson>(await run(['search', 'doohickey', '--json']));
    assert.equal(doohickey.results[0]?.doc, 'r3');
  });

  it('fails with exit 1 and one line when a path does not exist, creating nothing', async () => {
    const result = await run(['ingest', 'nowhere', '--kb', 'fresh']);
    assert.equal(result.code, 1);
    assert.equal(result.stderr.trim().split('\n').length, 1);
    assert.match(result.stderr, /no such file or directory: .*nowhere/);
    const search = await run(['search', 'anything', '--kb', 'fresh']);
    assert.equal(search.code, 1, 'the knowledge base was not created');
  });

  it('fails with exit 1 when the only file given is unusable', async () => {
    const result = await run(['ingest', 'docs/binary.txt', '--kb', 'binary-only']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /binary/);
  });

  it('skips a 50 MB single document with a hint to raise the limit', async () => {
    const big = join(folder.path, 'big');
    mkdirSync(big);
    writeFileSync(join(big, 'huge.txt'), Buffer.alloc(50 * 1024 * 1024, 'log line\n'));
    writeFileSync(join(big, 'small.md'), good);
    const result = await run(['ingest', 'big', '--kb', 'big', '--json']);
    assert.equal(result.code, 0);
    const report = parseJson<IngestJson>(result);
    assert.equal(report.added, 1);
    assert.match(report.skipped[0]?.reason ?? '', /50\.0 MiB.*maxFileBytes/);
  });

  it('keeps the last good version of a file that turns bad', async () => {
    writeFileSync(join(docs, 'good.md'), Buffer.from([0x41, 0x00, 0x42, 0xff])); // binary: a NUL byte
    const result = await run(['ingest', 'docs', '--json']);
    const report = parseJson<IngestJson>(result);
    assert.equal(report.removed, 0);
    assert.ok(report.skipped.some((skip) => skip.path === 'good.md'));
    const search = parseJson<SearchJson>(await run(['search', 'frobnicator', '--json']));
    assert.equal(search.results[0]?.doc, 'good.md');
    writeFileSync(join(docs, 'good.md'), good);
  });

  it('rejects an unknown --kb with a hint, for search and ask', async () => {
    for (const command of ['search', 'ask']) {
      const result = await run([command, 'widgets', '--kb', 'nope']);
      assert.equal(result.code, 1);
      assert.match(result.stderr, /knowledge base 'nope' does not exist.*grounded ingest --kb nope/);
      assert.equal(result.stdout, '');
    }
  });

  it('treats any text as a query, never a syntax error', async () => {
    const queries = [
      '"unbalanced quote',
      'widgets AND (frobnicator OR',
      'rpm:3000 NOT -spins *',
      'title:"Widgets" ~2 ^3 [1 TO 5] {a} \\ / && ||',
      '🔥🚀 widgets 👍',
      '\ud800 lone surrogate',
      'x'.repeat(10_000),
      'widgets '.repeat(1_250),
      '',
      '   ',
      'the a of',
    ];
    for (const query of queries) {
      const result = await run(['search', query, '--json']);
      assert.equal(result.code, 0, `query ${JSON.stringify(query.slice(0, 40))}: ${result.stderr}`);
      parseJson<SearchJson>(result);
    }
    const operators = parseJson<SearchJson>(await run(['search', 'widgets AND (frobnicator OR', '--json']));
    assert.equal(operators.results[0]?.doc, 'good.md');
  });

  it('exits 2 on wrong usage', async () => {
    assert.equal((await run(['search'])).code, 2);
    assert.equal((await run(['search', 'x', '-k', 'many'])).code, 2);
    assert.equal((await run(['frobnicate'])).code, 2);
  });
});
