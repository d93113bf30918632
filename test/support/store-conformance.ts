import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { isGroundedError } from '../../src/core/errors.js';
import type { Store } from '../../src/core/store/store.js';
import { storeCacheConformance } from './store-cache-conformance.js';
import { faq, fixtureRoot as root, guide, observe, recordOne, upsert } from './store-fixtures.js';
import { storeWriteConformance } from './store-write-conformance.js';

/** A store implementation under test: every `open` is another instance on the same storage (another writer). */
export interface StoreUnderTest {
  open(): Promise<Store>;
  /** Removes the storage; every instance was closed before. */
  cleanup(): Promise<void>;
}

const notFound = (error: unknown): boolean => isGroundedError(error, 'KB_NOT_FOUND');

/**
 * Registers the behaviour every {@link Store} must show, run against fresh storage from `setup`: writes read back,
 * transactions (a batch failing part-way leaves the previous state), two writers on one storage, generations and
 * snapshots keyed by them, batched reads, isolation of knowledge bases, `KB_NOT_FOUND`, the embedding cache, run
 * history and tuned models (writes and reads in {@link storeWriteConformance}, the last three in
 * {@link storeCacheConformance}).
 *
 * @example
 * storeConformance('sqlite', async () => ({ open: async () => createSqliteStore(file), cleanup: async () => rmSync(dir, { recursive: true }) }));
 */
export function storeConformance(name: string, setup: () => Promise<StoreUnderTest>): void {
  describe(`Store conformance: ${name}`, () => {
    let underTest: StoreUnderTest;
    let store: Store;
    const others: Store[] = [];
    const another = async (): Promise<Store> => {
      const opened = await underTest.open();
      others.push(opened);
      return opened;
    };

    beforeEach(async () => {
      underTest = await setup();
      store = await underTest.open();
    });

    afterEach(async () => {
      for (const other of others.splice(0)) await other.close();
      await store.close();
      await underTest.cleanup();
    });

    storeWriteConformance(() => store);

    it('bumps the generation on every batch that changes something, and keeps only current snapshots', async () => {
      const docs = store.open('docs');
      const other = store.open('other');
      await docs.create();
      await other.create();
      const start = await docs.generation();
      await docs.sources.apply({ upserts: [], removals: [] });
      assert.equal(await docs.generation(), start);
      await docs.sources.apply({ upserts: [upsert('faq.md', faq)], removals: [] });
      const afterUpsert = await docs.generation();
      assert.ok(afterUpsert > start);
      assert.equal((await docs.chunks.indexRows()).generation, afterUpsert);
      assert.equal((await docs.chunks.documentRows()).generation, afterUpsert);
      assert.equal(await other.generation(), start);
      const bytes = new Uint8Array([1, 2, 3, 250]);
      await docs.lexical.put('bm25:k1=0.9', afterUpsert, bytes);
      assert.deepEqual([...((await docs.lexical.get('bm25:k1=0.9')) ?? [])], [1, 2, 3, 250]);
      assert.equal(await docs.lexical.get('bm25:k1=1.2'), undefined);
      assert.equal(await other.lexical.get('bm25:k1=0.9'), undefined);
      await docs.sources.apply({ upserts: [], removals: [{ root, path: 'faq.md' }] });
      assert.ok((await docs.generation()) > afterUpsert);
      assert.equal(await docs.lexical.get('bm25:k1=0.9'), undefined, 'a snapshot of an older generation is stale');
      await docs.lexical.put('bm25:k1=0.9', afterUpsert, bytes);
      assert.equal(await docs.lexical.get('bm25:k1=0.9'), undefined, 'a snapshot built from an older generation is never stored');
    });

    it('lets two writers on one storage see each other, and refuses a key the other took with KEY_TAKEN', async () => {
      const second = await another();
      const mine = store.open('docs');
      const theirs = second.open('docs');
      await mine.create();
      await Promise.all([
        mine.sources.apply({ upserts: [upsert('guide.md', guide)], removals: [] }),
        theirs.sources.apply({ upserts: [upsert('faq.md', faq)], removals: [] }),
      ]);
      assert.deepEqual(await mine.counts(), { documents: 2, chunks: 4 });
      assert.equal(await theirs.generation(), await mine.generation());
      // The second writer checked `records/1` was free, then the first took it.
      assert.equal((await theirs.sources.owners(['records/1'])).size, 0);
      await mine.sources.apply({ upserts: [upsert('records.jsonl', recordOne)], removals: [] });
      const before = await observe(theirs, ['records/1']);
      await assert.rejects(theirs.sources.apply({ upserts: [upsert('other.jsonl', recordOne)], removals: [] }), (error: unknown) => isGroundedError(error, 'KEY_TAKEN'));
      assert.deepEqual(await observe(theirs, ['records/1']), before);
    });

    it('throws KB_NOT_FOUND with a hint for an unknown knowledge base, and creating twice is harmless', async () => {
      await store.open('docs').create();
      await store.open('docs').create();
      const nope = store.open('nope');
      for (const call of [() => nope.counts(), () => nope.generation(), () => nope.sources.apply({ upserts: [upsert('faq.md', faq)], removals: [] }), () => nope.chunks.byRows([1])]) {
        await assert.rejects(call(), (error: unknown) => {
          assert.ok(notFound(error), String(error));
          assert.ok(isGroundedError(error) && /'nope'/.test(error.message) && (error.hint ?? '').length > 0);
          assert.deepEqual(error.details['available'], ['docs']);
          return true;
        });
      }
      assert.deepEqual(await store.listKnowledgeBases(), ['docs']);
    });

    it('sees a knowledge base another instance created after the handle was opened', async () => {
      const early = store.open('late');
      await assert.rejects(early.counts(), notFound);
      await (await another()).open('late').create();
      assert.deepEqual(await early.counts(), { documents: 0, chunks: 0 });
    });

    storeCacheConformance(() => store);
  });
}
