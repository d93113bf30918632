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
    for (const [query, doc] of [
      ['gizmotron hums', 'windows.txt'],
      ['zeppelin pier', 'first'],
      ['doohickey Mondays', 'last'],
    ] as const) {
      const search = await grounded(['search', query, '--json']);
      assert.equal(search.code, 0, search.stderr);
      assert.equal(parseJson<SearchJson>({ ...search, code: 0 }).results[0]?.doc, doc, query);
    }
  });
});
