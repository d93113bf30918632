import assert from 'node:assert/strict';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { loadBm25Snapshot } from '../../src/indexing/lexical/load-bm25-snapshot.js';
import { startEmbeddingsServer, type LoopbackServer } from '../../src/testing/index.js';
import { runGrounded, temporaryFolder } from '../support/run-grounded.js';
import { spawnGrounded } from '../support/spawn-grounded.js';

// The saved indexes (the BM25 snapshot in the store, the HNSW graph next to it) are derived from the store, the source
// of truth: a damaged or orphaned one is rebuilt from it, with one notice line, by whichever command meets it first.
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

interface SearchJson {
  results: { doc: string }[];
}

const noticeLines = (stderr: string): string[] => stderr.split('\n').filter((line) => line.startsWith('notice: '));

describe('damaged saved indexes are rebuilt from the store', () => {
  const folder = temporaryFolder('index-repair');
  const docs = join(folder.path, 'docs');
  let embeddings: LoopbackServer;
  const env = (): NodeJS.ProcessEnv => ({
    GROUNDED_EMBEDDER_PROVIDER: 'openai-compatible',
    GROUNDED_EMBEDDER_BASE_URL: embeddings.baseUrl,
    GROUNDED_EMBEDDER_MODEL: 'loopback-embed',
  });

  before(async () => {
    cpSync(join(repo, 'examples', 'sample-docs'), docs, { recursive: true });
    embeddings = await startEmbeddingsServer();
  });
  after(async () => {
    await embeddings.close();
    folder.remove();
  });

  it('rebuilds a damaged BM25 snapshot on search and on an ingest that changed nothing', async () => {
    const dataDir = join(folder.path, 'bm25');
    const file = join(dataDir, 'grounded.db');
    assert.equal((await runGrounded(['ingest', 'docs'], { cwd: folder.path, dataDir })).code, 0);
    const snapshot = (): Buffer => {
      const db = new Database(file, { readonly: true });
      try {
        return (db.prepare('SELECT data FROM index_snapshots').get() as { data: Buffer }).data;
      } finally {
        db.close();
      }
    };
    const damage = (change: (bytes: Buffer) => Buffer): void => {
      const db = new Database(file);
      db.prepare('UPDATE index_snapshots SET data = ?').run(change(Buffer.from(snapshot())));
      db.close();
    };
    const good = snapshot();
    // One changed byte in the postings, then a snapshot cut short.
    const flip = (bytes: Buffer): Buffer => {
      const middle = Math.floor(bytes.length / 2);
      bytes[middle] = (bytes[middle] ?? 0) ^ 0x40;
      return bytes;
    };
    for (const [name, change] of [['flipped byte', flip], ['truncated', (bytes: Buffer) => bytes.subarray(0, bytes.length - 100)]] as const) {
      damage(change);
      const search = await spawnGrounded(['search', 'restore a snapshot', '--json', '--data-dir', dataDir], { cwd: folder.path });
      assert.equal(search.code, 0, `${name}: ${search.stderr}`);
      assert.equal((JSON.parse(search.stdout) as SearchJson).results[0]?.doc, 'guides/backups.md');
      assert.deepEqual(noticeLines(search.stderr).length, 1, search.stderr);
      assert.match(search.stderr, /^notice: the saved BM25 index of 'default' was damaged \(.*\); rebuilt it from the store\n$/);
      assert.deepEqual(snapshot(), good, `${name}: search saved the rebuilt snapshot`);
    }
    damage(flip);
    const ingest = await spawnGrounded(['ingest', 'docs', '--json', '--data-dir', dataDir], { cwd: folder.path });
    assert.equal(ingest.code, 0, ingest.stderr);
    assert.equal((JSON.parse(ingest.stdout) as { unchanged: number }).unchanged, 7);
    assert.match(ingest.stderr, /notice: the saved BM25 index of 'default' was damaged .*rebuilt it from the store/);
    assert.deepEqual(snapshot(), good, 'ingest rebuilt it although no file changed');
    assert.doesNotThrow(() => loadBm25Snapshot(snapshot()));
  });

  it('rebuilds a damaged HNSW graph (which usearch itself would crash on) for search, ask and ingest', async () => {
    const dataDir = join(folder.path, 'hnsw');
    const config = join(folder.path, 'hnsw.config.json');
    writeFileSync(config, JSON.stringify({ retrieval: { vectorIndex: 'hnsw' } }));
    const args = (...command: string[]): string[] => [...command, '--config', config, '--data-dir', dataDir];
    assert.equal((await runGrounded(args('ingest', 'docs'), { cwd: folder.path, env: env() })).code, 0);
    const vectors = join(dataDir, 'vectors');
    const graphs = (): string[] => readdirSync(vectors).filter((name) => name.endsWith('.usearch'));
    // Same size, same header: the last bytes of the graph's node list overwritten.
    const damage = (): string => {
      const [graph] = graphs();
      assert.ok(graph !== undefined && graphs().length === 1, readdirSync(vectors).join(', '));
      const bytes = readFileSync(join(vectors, graph));
      bytes.fill(0xff, bytes.length - 200);
      writeFileSync(join(vectors, graph), bytes);
      return graph;
    };
    for (const command of [['search', 'restore a snapshot', '--json'], ['ask', 'How do I restore a snapshot?', '--json'], ['ingest', 'docs', '--json']]) {
      const damaged = damage();
      const result = await spawnGrounded(args(...command), { cwd: folder.path, env: env() });
      assert.equal(result.signal, null, `${command[0]} crashed: ${result.stderr}`);
      assert.equal(result.code, 0, `${command[0]}: ${result.stderr}`);
      assert.deepEqual(noticeLines(result.stderr), [
        noticeLines(result.stderr).find((line) => /^notice: the saved HNSW index of 'default' was damaged \(.*checksum mismatch\); rebuilt it from the stored vectors$/.test(line)) ?? 'no notice',
      ]);
      assert.equal(graphs().includes(damaged), false, `${command[0]} replaced the damaged graph`);
    }
    const search = await spawnGrounded(args('search', 'restore a snapshot', '--json'), { cwd: folder.path, env: env() });
    assert.equal(search.code, 0, search.stderr);
    assert.equal(noticeLines(search.stderr).length, 0, 'repaired for good');
    assert.equal((JSON.parse(search.stdout) as SearchJson).results[0]?.doc, 'guides/backups.md');
  });

  it('rebuilds an HNSW index whose manifest was lost, and deletes the graph it left behind', async () => {
    const dataDir = join(folder.path, 'orphan');
    const config = join(folder.path, 'orphan.config.json');
    writeFileSync(config, JSON.stringify({ retrieval: { vectorIndex: 'hnsw' } }));
    const args = (...command: string[]): string[] => [...command, '--config', config, '--data-dir', dataDir];
    assert.equal((await runGrounded(args('ingest', 'docs'), { cwd: folder.path, env: env() })).code, 0);
    const vectors = join(dataDir, 'vectors');
    const [manifest] = readdirSync(vectors).filter((name) => name.endsWith('.hnsw'));
    const [orphan] = readdirSync(vectors).filter((name) => name.endsWith('.usearch'));
    assert.ok(manifest !== undefined && orphan !== undefined);
    rmSync(join(vectors, manifest));
    // Written an hour ago, as a graph whose manifest was lost some time back would be.
    const hourAgo = Date.now() / 1000 - 3600;
    utimesSync(join(vectors, orphan), hourAgo, hourAgo);
    const search = await spawnGrounded(args('search', 'restore a snapshot', '--json'), { cwd: folder.path, env: env() });
    assert.equal(search.code, 0, search.stderr);
    assert.equal((JSON.parse(search.stdout) as SearchJson).results[0]?.doc, 'guides/backups.md');
    assert.equal(existsSync(join(vectors, orphan)), false, 'the orphaned graph is deleted');
    const left = readdirSync(vectors).sort();
    assert.equal(left.length, 2, left.join(', '));
    assert.ok(left.includes(manifest));
  });
});
