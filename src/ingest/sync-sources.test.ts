import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, beforeEach, describe, it } from 'node:test';
import type { Chunk } from '../core/document.js';
import type { Store } from '../core/store/store.js';
import { countTerms } from '../indexing/lexical/count-terms.js';
import { createAnalyzer } from '../indexing/lexical/create-analyzer.js';
import { createSqliteStore } from '../indexing/stores/sqlite/create-sqlite-store.js';
import { createApproximateTokenCounter } from './chunk/approximate-token-counter.js';
import { chunkDocument } from './chunk/chunk-document.js';
import { createDefaultLoaders } from './loaders/create-default-loaders.js';
import { syncSources } from './sync-sources.js';
import type { SyncSourcesOptions } from './sync/sync-sources-options.js';

// The sync algorithm against a real SQLite file, real loaders, chunker and analyzer.
const analyzer = createAnalyzer();
const counter = createApproximateTokenCounter();
const temp = mkdtempSync(join(tmpdir(), 'grounded-sync-'));
after(() => rmSync(temp, { recursive: true, force: true }));

function options(store: Store, paths: string[], extra: Partial<SyncSourcesOptions> = {}): SyncSourcesOptions {
  return {
    store: store.open('test'),
    paths,
    loaders: createDefaultLoaders(),
    chunk: (document) => chunkDocument(document, { counter, maxTokens: 64 }),
    analyze: (chunk: Chunk) => ({ body: countTerms(analyzer.terms(chunk.text)), title: countTerms(analyzer.terms(chunk.title)) }),
    fingerprint: 'v1',
    ...extra,
  };
}

describe('syncSources', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = mkdtempSync(join(temp, 'case-'));
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs', 'a.md'), '# A\n\nAlpha text about apples.\n');
    writeFileSync(join(dir, 'docs', 'b.md'), '# B\n\nBeta text about bananas.\n');
    store = createSqliteStore(join(dir, 'store.db'));
  });

  it('reports an unreadable file, keeps its last good version and ingests the rest', async () => {
    const docs = join(dir, 'docs');
    await syncSources(options(store, [docs]));
    writeFileSync(join(docs, 'a.md'), '# A\n\nAlpha text, edited.\n');
    const denied = async (path: string): Promise<Uint8Array> => {
      if (path.endsWith('a.md')) throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' });
      return readFile(path);
    };
    const report = await syncSources(options(store, [docs], { readFile: denied }));
    assert.deepEqual(report.skipped, [{ path: 'a.md', reason: `unreadable: EACCES: permission denied, open '${join(docs, 'a.md')}'` }]);
    assert.equal(report.removed, 0);
    assert.equal(report.unchanged, 1);
    assert.match((await store.open('test').documents.byKeys(['a.md'])).get('a.md')?.text ?? '', /apples/);
  });

  it('re-indexes unchanged files exactly once when the settings fingerprint changes', async () => {
    const docs = join(dir, 'docs');
    await syncSources(options(store, [docs]));
    const changed = await syncSources(options(store, [docs], { fingerprint: 'v2' }));
    assert.deepEqual([changed.updated, changed.unchanged], [2, 0]);
    const again = await syncSources(options(store, [docs], { fingerprint: 'v2' }));
    assert.deepEqual([again.updated, again.unchanged], [0, 2]);
  });

  it('syncing one file never removes the other files of its folder', async () => {
    const docs = join(dir, 'docs');
    await syncSources(options(store, [docs]));
    const report = await syncSources(options(store, [join(docs, 'a.md')]));
    assert.deepEqual([report.removed, report.unchanged], [0, 1]);
    assert.equal((await store.open('test').counts()).documents, 2);
  });

  it('keys a same-named file from a second folder by its folder name instead of dropping it', async () => {
    mkdirSync(join(dir, 'blog'));
    writeFileSync(join(dir, 'blog', 'a.md'), '# Blog A\n\nA blog post about avocados.\n');
    await syncSources(options(store, [join(dir, 'docs')]));
    const report = await syncSources(options(store, [join(dir, 'blog')]));
    assert.equal(report.added, 1);
    assert.match((await store.open('test').documents.byKeys(['blog/a.md'])).get('blog/a.md')?.text ?? '', /avocados/);
    assert.match((await store.open('test').documents.byKeys(['a.md'])).get('a.md')?.text ?? '', /apples/);
  });

  it('claims its keys again when a concurrent sync commits the same ones first', async () => {
    // Two folders with the same relative paths, synced at the same time by two writers on the same store file.
    mkdirSync(join(dir, 'blog'));
    writeFileSync(join(dir, 'blog', 'a.md'), '# Blog A\n\nA blog post about avocados.\n');
    writeFileSync(join(dir, 'blog', 'b.md'), '# Blog B\n\nA blog post about blueberries.\n');
    writeFileSync(join(dir, 'blog', 'records.jsonl'), `${JSON.stringify({ _id: 'shared-id', text: 'A record about cherries.' })}\n`);
    writeFileSync(join(dir, 'docs', 'records.jsonl'), `${JSON.stringify({ _id: 'shared-id', text: 'A record about dates.' })}\n`);
    const other = createSqliteStore(join(dir, 'store.db'));
    let interleaved = false;
    // The blog sync has read (and checked the keys of) every file; the docs sync then commits before the blog batch is written.
    const readThenLetTheOtherWriterIn = async (path: string): Promise<Uint8Array> => {
      const bytes = await readFile(path);
      if (path.endsWith(join('blog', 'records.jsonl')) && !interleaved) {
        interleaved = true;
        await syncSources(options(other, [join(dir, 'docs')]));
      }
      return bytes;
    };
    const report = await syncSources(options(store, [join(dir, 'blog')], { readFile: readThenLetTheOtherWriterIn }));
    other.close();
    assert.ok(interleaved);
    assert.deepEqual([report.added, report.documents], [2, 2]);
    assert.deepEqual(report.skipped, [{ path: 'records.jsonl', reason: "duplicate document id 'shared-id' (already from records.jsonl)" }]);
    assert.match((await store.open('test').documents.byKeys(['a.md'])).get('a.md')?.text ?? '', /apples/);
    assert.match((await store.open('test').documents.byKeys(['blog/a.md'])).get('blog/a.md')?.text ?? '', /avocados/);
    assert.match((await store.open('test').documents.byKeys(['blog/b.md'])).get('blog/b.md')?.text ?? '', /blueberries/);
    assert.match((await store.open('test').documents.byKeys(['shared-id'])).get('shared-id')?.text ?? '', /dates/);
    assert.equal((await store.open('test').counts()).documents, 5);
  });

  it('rolls back a batch that fails while writing and loses nothing', async () => {
    const docs = join(dir, 'docs');
    await syncSources(options(store, [docs]));
    writeFileSync(join(docs, 'a.md'), '# A\n\nAlpha text, edited.\n');
    writeFileSync(join(docs, 'c.md'), '# C\n\nGamma.\n');
    // The real store's transaction fails half way: a.md's rows are written, then c.md's metadata cannot be.
    const real = store.open('test');
    const poisoned = {
      ...real,
      sources: {
        ...real.sources,
        apply: (batch: Parameters<typeof real.sources.apply>[0]) => {
          const upserts = batch.upserts.map((upsert) =>
            upsert.source.path !== 'c.md'
              ? upsert
              : { ...upsert, documents: upsert.documents.map((entry) => ({ ...entry, document: { ...entry.document, metadata: { size: 1n } } })) },
          );
          return real.sources.apply({ ...batch, upserts });
        },
      },
    };
    const failing = { ...options(store, [docs]), store: poisoned };
    await assert.rejects(syncSources(failing), /BigInt/);
    assert.match((await store.open('test').documents.byKeys(['a.md'])).get('a.md')?.text ?? '', /apples/);
    assert.equal((await store.open('test').documents.byKeys(['c.md'])).get('c.md'), undefined);
    const retry = await syncSources(options(store, [docs]));
    assert.deepEqual([retry.added, retry.updated, retry.unchanged], [1, 1, 1]);
  });
});
