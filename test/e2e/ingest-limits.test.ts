import assert from 'node:assert/strict';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { after, describe, it } from 'node:test';
import { createGzip, gzipSync } from 'node:zlib';
import { parseJson, temporaryFolder } from '../support/run-grounded.js';
import { spawnGrounded } from '../support/spawn-grounded.js';

// Issue 11, item 6 and 15: size limits hold for decompressed bytes and for each JSON Lines record, and decompression
// stops at the limit; UTF-16 files are text. Run in a child with a 1 GiB heap, so a loader that reads a whole giant
// record or a whole gzip bomb into memory fails here instead of passing on a big machine.

interface IngestJson {
  added: number;
  skipped: { path: string; reason: string }[];
  totalDocuments: number;
}
interface SearchJson {
  results: { doc: string; text: string }[];
}

const MiB = 1024 * 1024;

/** A gzip file of `count` MiB of `line`s, written without holding its decompressed size in memory. */
async function writeGzipOf(path: string, line: string, count: number): Promise<void> {
  const block = Buffer.from(line.repeat(Math.ceil(MiB / line.length)).slice(0, MiB));
  const blocks = (function* () {
    for (let index = 0; index < count; index += 1) yield block;
  })();
  await pipeline(Readable.from(blocks), createGzip({ level: 1 }), createWriteStream(path));
}

describe('ingest limits on decompressed bytes and records', () => {
  const folder = temporaryFolder('limits');
  const cwd = folder.path;
  const docs = join(cwd, 'docs');
  const dataDir = join(cwd, 'data');
  after(() => folder.remove());
  const grounded = (args: string[]) =>
    spawnGrounded([...args, '--data-dir', dataDir], { cwd, env: { NODE_OPTIONS: '--max-old-space-size=1024' } });

  it('skips a gzip bomb, an oversized .md.gz and a giant record, each with its reason, and ingests the rest', async () => {
    mkdirSync(docs);
    writeFileSync(join(docs, 'good.md'), '# Widgets\n\nThe frobnicator spins widgets at 3000 rpm.\n');
    // UTF-16 with its byte order mark, as Windows Notepad saves "Unicode" text.
    writeFileSync(join(docs, 'windows.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('The gizmotron hums at night.\r\n', 'utf16le')]));
    // 1 GiB of records compressed to a few MiB: stopped at the 256 MiB JSON Lines limit.
    const record = `${JSON.stringify({ text: 'the same record over and over again' })}\n`;
    await writeGzipOf(join(docs, 'bomb.jsonl.gz'), record, 1024);
    // A Markdown page over the 1 MiB maxFileBytes of this knowledge base once decompressed (a few KB compressed).
    writeFileSync(join(docs, 'big.md.gz'), gzipSync(`# Big\n\n${'log line of a data dump\n'.repeat(100_000)}`));
    // A 200 MB record between two good ones.
    const giant = createWriteStream(join(docs, 'records.jsonl'));
    giant.write(`${JSON.stringify({ _id: 'first', text: 'The zeppelin docks at pier nine.' })}\n{"_id": "giant", "text": "`);
    const filler = 'x'.repeat(MiB);
    for (let index = 0; index < 200; index += 1) giant.write(filler);
    giant.write(`"}\n${JSON.stringify({ _id: 'last', text: 'The doohickey opens on Mondays.' })}\n`);
    await new Promise((done) => giant.end(done));
    writeFileSync(join(cwd, 'small.config.json'), JSON.stringify({ ingest: { maxFileBytes: MiB } }));

    const run = await grounded(['ingest', 'docs', '--json', '--config', 'small.config.json']);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as IngestJson;
    const reasons = new Map(report.skipped.map((skip) => [skip.path, skip.reason]));
    assert.match(reasons.get('bomb.jsonl.gz') ?? '', /decompresses to more than 256\.0 MiB, over the ingest\.maxJsonlFileBytes limit/);
    assert.match(reasons.get('big.md.gz') ?? '', /decompresses to more than 1\.0 MiB, over the ingest\.maxFileBytes limit/);
    assert.match(reasons.get('records.jsonl:2') ?? '', /^record is 200\.0 MiB, over the 1\.0 MiB limit for one document/);
    assert.equal(report.skipped.length, 3, JSON.stringify(report.skipped));
    // good.md, windows.txt and records.jsonl (its two good records).
    assert.equal(report.added, 3);
    assert.equal(report.totalDocuments, 4);
    await searchFinds([
      ['gizmotron hums', 'windows.txt'],
      ['zeppelin pier', 'first'],
      ['doohickey Mondays', 'last'],
    ]);
  });

  it('skips a file that would exhaust the stack or the heap in any loader, with its reason, and ingests the rest', async () => {
    const hostile = join(cwd, 'hostile');
    mkdirSync(hostile);
    writeFileSync(join(hostile, 'good.md'), '# Sprockets\n\nThe sprocket turns twice a second.\n');
    // 1,500 nested divs (16 KB): the HTML parser recurses once per level.
    writeFileSync(join(hostile, 'divs.html'), `<html><body>${'<div>'.repeat(1500)}deep text${'</div>'.repeat(1500)}</body></html>`);
    // Front matter whose YAML aliases expand to 387 million values once copied: the page is kept, its front matter not.
    const aliases = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (const [index, name] of [...'bcdefghi'].entries()) aliases.push(`${name}: &${name} [${Array(9).fill(`*${'abcdefgh'[index]}`).join(', ')}]`);
    writeFileSync(join(hostile, 'bomb.md'), `---\n${aliases.join('\n')}\n---\n# Bomb\n\nThe whirligig spins backwards.\n`);
    // JSON Lines metadata nested 100,000 deep: fine for JSON.parse, a stack overflow for JSON.stringify when stored.
    writeFileSync(join(hostile, 'deep.jsonl'), `{"_id": "deep", "text": "t", "m": ${'['.repeat(100_000)}${']'.repeat(100_000)}}\n{"_id": "flat", "text": "The gadget beeps."}\n`);
    const run = await grounded(['ingest', 'hostile', '--kb', 'hostile', '--json']);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as IngestJson;
    const reasons = new Map(report.skipped.map((skip) => [skip.path, skip.reason]));
    assert.equal(reasons.get('divs.html'), 'nested too deeply to read (the parser ran out of stack)');
    assert.match(reasons.get('bomb.md:1') ?? '', /invalid front matter, kept as text: metadata has more than 100,000 values/);
    assert.equal(reasons.get('deep.jsonl:1'), 'metadata is nested deeper than 64 levels');
    assert.equal(report.totalDocuments, 3, JSON.stringify(report));
    await searchFinds(
      [
        ['sprocket turns', 'good.md'],
        ['whirligig backwards', 'bomb.md'],
        ['gadget beeps', 'flat'],
      ],
      'hostile',
    );
  });

  async function searchFinds(cases: readonly (readonly [string, string])[], kb = 'default'): Promise<void> {
    for (const [query, doc] of cases) {
      const search = await grounded(['search', query, '--kb', kb, '--json']);
      assert.equal(search.code, 0, search.stderr);
      assert.equal(parseJson<SearchJson>({ ...search, code: 0 }).results[0]?.doc, doc, query);
    }
  }
});
