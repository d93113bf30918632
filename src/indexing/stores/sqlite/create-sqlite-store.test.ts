import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { isGroundedError } from '../../../core/errors.js';
import type { Store } from '../../../core/store/store.js';
import { storeConformance } from '../../../../test/support/store-conformance.js';
import { faq, guide, observe, upsert } from '../../../../test/support/store-fixtures.js';
import { createSqliteStore } from './create-sqlite-store.js';

storeConformance('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'grounded-store-'));
  const file = join(dir, 'nested', 'grounded.db');
  return { open: async () => createSqliteStore(file), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
});

/** One row of the file's meta table, read without opening it as a store. */
function storedVersion(file: string): unknown {
  const check = new Database(file, { readonly: true });
  try {
    return check.prepare('SELECT value FROM meta WHERE key = ?').get('schemaVersion');
  } finally {
    check.close();
  }
}

function countTunedModels(file: string): number {
  const check = new Database(file, { readonly: true });
  try {
    return (check.prepare('SELECT COUNT(*) AS n FROM tuned_models').get() as { n: number }).n;
  } finally {
    check.close();
  }
}

describe('createSqliteStore', () => {
  let dir: string;
  let file: string;
  let store: Store;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'grounded-store-'));
    file = join(dir, 'nested', 'grounded.db');
    store = createSqliteStore(file);
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reopens from the same file with its data and tuned models intact', async () => {
    const docs = store.open('docs');
    await docs.create();
    await docs.sources.apply({ upserts: [upsert('guide.md', guide), upsert('faq.md', faq)], removals: [] });
    await docs.tunedModels.put('answerability', '{"bias":0.1}', '2024-05-01T10:00:00.000Z');
    const before = await observe(docs, ['guide.md', 'faq.md']);
    await store.close();
    store = createSqliteStore(file);
    assert.deepEqual(await store.listKnowledgeBases(), ['docs']);
    assert.deepEqual(await observe(store.open('docs'), ['guide.md', 'faq.md']), before);
    assert.deepEqual(await store.open('docs').tunedModels.get('answerability'), { payload: '{"bias":0.1}', createdAt: '2024-05-01T10:00:00.000Z' });
  });

  it('leaves no older row behind when a tuned model is replaced', async () => {
    const docs = store.open('docs');
    await docs.create();
    await docs.tunedModels.put('answerability', '{}', '2024-05-01T10:00:00.000Z');
    await docs.tunedModels.put('answerability', '{"a":1}', '2024-05-02T10:00:00.000Z');
    await docs.tunedModels.put('router', '{}', '2024-05-02T11:00:00.000Z');
    assert.equal(countTunedModels(file), 2);
  });

  it('refuses a file with a different schema version, and writes nothing to it', async () => {
    await store.close();
    const raw = new Database(file);
    raw.prepare('UPDATE meta SET value = ? WHERE key = ?').run('99', 'schemaVersion');
    raw.close();
    assert.throws(() => createSqliteStore(file), (error: unknown) => isGroundedError(error, 'STORE_CORRUPT') && error.hint !== undefined);
    assert.deepEqual(storedVersion(file), { value: '99' });
    const futureFile = join(dir, 'future.db');
    const future = new Database(futureFile);
    future.exec('CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    future.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('schemaVersion', '99');
    future.close();
    assert.throws(() => createSqliteStore(futureFile), (error: unknown) => isGroundedError(error, 'STORE_CORRUPT'));
    const check = new Database(futureFile, { readonly: true });
    assert.deepEqual(check.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all(), [{ name: 'meta' }]);
    check.close();
    store = createSqliteStore(join(dir, 'other.db'));
  });

  it('migrates a version 2 store in place: data kept, hashes computed on first use', async () => {
    const docs = store.open('docs');
    await docs.create();
    await docs.sources.apply({ upserts: [upsert('guide.md', guide)], removals: [] });
    const expected = await docs.embeddings.textsToEmbed('model-a');
    await store.close();
    const raw = new Database(file);
    raw.exec('DROP TABLE tuned_models; DROP INDEX chunks_embed_hash; ALTER TABLE chunks DROP COLUMN embed_hash; DROP TABLE embeddings;');
    raw.prepare('UPDATE meta SET value = ? WHERE key = ?').run('2', 'schemaVersion');
    raw.close();
    store = createSqliteStore(file);
    const migrated = store.open('docs');
    assert.equal((await migrated.counts()).chunks, 3);
    assert.deepEqual(await migrated.embeddings.textsToEmbed('model-a'), expected);
    await migrated.tunedModels.put('answerability', '{"bias":0}', '2024-05-01T00:00:00.000Z');
    assert.deepEqual(storedVersion(file), { value: '4' });
  });

  it('migrates a version 3 store to version 4 in place: data and vectors kept', async () => {
    const docs = store.open('docs');
    await docs.create();
    await docs.sources.apply({ upserts: [upsert('guide.md', guide), upsert('faq.md', faq)], removals: [] });
    const texts = await docs.embeddings.textsToEmbed('model-a');
    await docs.embeddings.put('model-a', texts.map(({ hash }) => ({ hash, vector: new Float32Array([hash.charCodeAt(0), 1]) })));
    const before = await observe(docs, ['guide.md', 'faq.md']);
    const vectorsBefore = await docs.embeddings.vectors('model-a');
    await store.close();
    const raw = new Database(file);
    raw.exec('DROP TABLE tuned_models;');
    raw.prepare('UPDATE meta SET value = ? WHERE key = ?').run('3', 'schemaVersion');
    raw.close();
    store = createSqliteStore(file);
    const migrated = store.open('docs');
    assert.deepEqual(storedVersion(file), { value: '4' });
    assert.deepEqual(await observe(migrated, ['guide.md', 'faq.md']), before);
    assert.deepEqual(await migrated.embeddings.vectors('model-a'), vectorsBefore);
    assert.equal(await migrated.tunedModels.get('answerability'), undefined);
  });

  it('refuses a file that is not a SQLite database with STORE_CORRUPT', () => {
    const garbage = join(dir, 'garbage.db');
    writeFileSync(garbage, 'this is not a database, just some text that is long enough to have a header'.repeat(20));
    assert.throws(() => createSqliteStore(garbage), (error: unknown) => isGroundedError(error, 'STORE_CORRUPT') && error.details['file'] === garbage);
  });

  it('with read access creates nothing for a missing store, and its first write creates the store', async () => {
    const missing = join(dir, 'not-yet', 'grounded.db');
    const reader = createSqliteStore(missing, { access: 'read' });
    try {
      assert.deepEqual(await reader.listKnowledgeBases(), []);
      await assert.rejects(reader.open('docs').counts(), (error: unknown) => isGroundedError(error, 'KB_NOT_FOUND') && /no knowledge base at .*not-yet/.test(error.message));
      assert.equal(existsSync(join(dir, 'not-yet')), false, 'a read creates no folder');
      await reader.open('docs').create();
      await reader.open('docs').sources.apply({ upserts: [upsert('guide.md', guide)], removals: [] });
      assert.equal((await reader.open('docs').counts()).chunks, 3);
    } finally {
      await reader.close();
    }
    assert.ok(existsSync(missing));
  });

  it('with read access reads while another connection holds the write lock, and a cached snapshot gives up with STORE_BUSY', async () => {
    const docs = store.open('docs');
    await docs.create();
    await docs.sources.apply({ upserts: [upsert('guide.md', guide)], removals: [] });
    const holder = new Database(file);
    holder.exec('BEGIN IMMEDIATE');
    const readerStore = createSqliteStore(file, { access: 'read' });
    const reader = readerStore.open('docs');
    try {
      const started = performance.now();
      assert.equal((await reader.counts()).chunks, 3);
      assert.equal((await reader.chunks.indexRows()).rows.length, 3);
      assert.ok(performance.now() - started < 1000, 'no wait for the lock');
      const generation = await reader.generation();
      const waited = performance.now();
      await assert.rejects(reader.lexical.put('key', generation, new Uint8Array([1, 2, 3]), { maxWaitMs: 50 }), (error: unknown) => isGroundedError(error, 'STORE_BUSY'));
      assert.ok(performance.now() - waited < 2000);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    await reader.lexical.put('key', await reader.generation(), new Uint8Array([1, 2, 3]));
    assert.deepEqual([...((await reader.lexical.get('key')) ?? [])], [1, 2, 3]);
    await readerStore.close();
  });
});
