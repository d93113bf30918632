import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { isGroundedError } from '../../src/core/errors.js';
import type { FieldTerms } from '../../src/core/lexical-index.js';
import type { Store } from '../../src/core/store/store.js';
import { documentToStore, faq, fixtureRoot as root, guide, observe, recordOne, recordTwo, source, termsOf, upsert } from './store-fixtures.js';
import { storeCacheConformance } from './store-cache-conformance.js';

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
 * history and tuned models (the last three in {@link storeCacheConformance}).
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

    it('writes sources, documents and chunks, and reads them back in one batched read', async () => {
      const docs = store.open('docs');
      await docs.create();
      await docs.sources.apply({ upserts: [upsert('guide.md', guide), upsert('records.jsonl', recordOne, recordTwo)], removals: [] });
      assert.deepEqual(await docs.counts(), { documents: 3, chunks: 6 });
      assert.deepEqual(await docs.sources.list(), [source('guide.md'), source('records.jsonl')]);
      assert.deepEqual([...(await docs.sources.owners(['records/2', 'missing.md']))], [['records/2', { root, path: 'records.jsonl' }]]);

      const { rows } = await docs.chunks.indexRows();
      assert.equal(new Set(rows.map((row) => row.row)).size, 6);
      const chunks = await docs.chunks.byRows([...rows.map((row) => row.row), 987_654]);
      assert.equal(chunks.size, 6, 'a row that does not exist is absent');
      const written = new Map([guide, recordOne, recordTwo].flatMap((entry) => entry.chunks).map((entry) => [entry.chunk.id, entry]));
      for (const row of rows) {
        const chunk = chunks.get(row.row);
        const original = written.get(chunk?.id ?? '');
        assert.ok(chunk !== undefined && original !== undefined);
        assert.deepEqual(chunk, original.chunk);
        assert.deepEqual(termsOf(row.body), termsOf(original.body));
        assert.equal(row.body.length, original.body.length);
        assert.deepEqual(termsOf(row.title), termsOf(original.title));
      }
      const documents = await docs.documents.byKeys(['records/2', 'guide.md', 'missing.md']);
      assert.deepEqual(documents.get('records/2'), { key: 'records/2', title: 'Record two', text: recordTwo.document.text, metadata: { source: 'records/2', tags: ['a', 'b'] } });
      assert.equal(documents.has('missing.md'), false);
      for (const chunk of chunks.values()) {
        const text = (await docs.documents.byKeys([chunk.doc])).get(chunk.doc)?.text;
        assert.equal(text?.slice(chunk.start, chunk.end), chunk.text);
      }
      assert.deepEqual((await docs.documents.all()).map((document) => document.key), ['guide.md', 'records/1', 'records/2']);
    });

    it('reads a thousand rows in one call, and an empty list as an empty map', async () => {
      const docs = store.open('docs');
      await docs.create();
      const many = documentToStore('many.md', 'Many', Array.from({ length: 1000 }, (_, index) => `Paragraph number ${index} of many.`));
      await docs.sources.apply({ upserts: [upsert('many.md', many)], removals: [] });
      const { rows } = await docs.chunks.indexRows();
      const chunks = await docs.chunks.byRows(rows.map((row) => row.row));
      assert.equal(chunks.size, 1000);
      assert.deepEqual(new Set([...chunks.values()].map((chunk) => chunk.ordinal)).size, 1000);
      assert.equal((await docs.chunks.byRows([])).size, 0);
    });

    it('round-trips field terms that hold spaces, backslashes, newlines and empty strings', async () => {
      const odd: FieldTerms = { terms: new Map([['a b', 2], ['back\\slash', 1], ['line\nbreak', 3], ['', 1]]), length: 9 };
      const [first] = faq.chunks;
      assert.ok(first !== undefined);
      const docs = store.open('docs');
      await docs.create();
      await docs.sources.apply({ upserts: [{ source: source('faq.md'), documents: [{ ...faq, chunks: [{ ...first, body: odd, title: odd }] }] }], removals: [] });
      const [row] = (await docs.chunks.indexRows()).rows;
      assert.deepEqual(termsOf(row?.body ?? { terms: new Map(), length: 0 }), termsOf(odd));
      assert.equal(row?.body.length, 9);
    });

    it('leaves the previous state when a batch fails during the write', async () => {
      const docs = store.open('docs');
      await docs.create();
      await docs.sources.apply({ upserts: [upsert('guide.md', guide), upsert('faq.md', faq)], removals: [] });
      const keys = ['guide.md', 'faq.md', 'records/1'];
      const before = await observe(docs, keys);
      // The removal and the first upsert are written; the second upsert then claims `guide.md`, owned by another source.
      const stolen = documentToStore('guide.md', 'Stolen', ['Not the real guide.']);
      await assert.rejects(
        docs.sources.apply({ upserts: [upsert('records.jsonl', recordOne), upsert('other/guide.md', stolen)], removals: [{ root, path: 'faq.md' }] }),
        (error: unknown) => isGroundedError(error, 'KEY_TAKEN'),
      );
      assert.deepEqual(await observe(docs, keys), before);
      // Two documents of one batch with the same key fail the same way, after the first was written.
      const twice = documentToStore('records/1', 'Again', ['Twice in one batch.']);
      await assert.rejects(docs.sources.apply({ upserts: [upsert('a.jsonl', recordOne), upsert('b.jsonl', twice)], removals: [] }));
      assert.deepEqual(await observe(docs, keys), before);
    });

    it('replaces a re-upserted source without leftovers, and removes a source with its chunks', async () => {
      const docs = store.open('docs');
      await docs.create();
      await docs.sources.apply({ upserts: [upsert('records.jsonl', recordOne, recordTwo), upsert('guide.md', guide)], removals: [] });
      const oldRows = (await docs.chunks.indexRows()).rows.map((row) => row.row);
      const oldRecordRows = [...(await docs.chunks.byRows(oldRows))].filter(([, chunk]) => chunk.doc.startsWith('records/')).map(([row]) => row);
      assert.equal(oldRecordRows.length, 3);
      const edited = documentToStore('records/1', 'Record one, edited', ['Compression uses brotli now.']);
      await docs.sources.apply({ upserts: [{ source: source('records.jsonl', 'new-hash'), documents: [edited] }], removals: [] });
      assert.deepEqual(await docs.counts(), { documents: 2, chunks: 4 });
      assert.equal((await docs.documents.byKeys(['records/2'])).size, 0);
      assert.equal((await docs.chunks.byRows(oldRecordRows)).size, 0);
      await docs.sources.apply({ upserts: [], removals: [{ root, path: 'guide.md' }] });
      assert.deepEqual(await docs.counts(), { documents: 1, chunks: 1 });
      assert.equal((await docs.sources.owners(['guide.md'])).size, 0);
      assert.deepEqual((await docs.sources.list()).map((entry) => [entry.path, entry.hash]), [['records.jsonl', 'new-hash']]);
    });

    it('keeps knowledge bases apart', async () => {
      const alpha = store.open('alpha');
      const beta = store.open('beta');
      await alpha.create();
      await beta.create();
      await alpha.sources.apply({ upserts: [upsert('guide.md', guide), upsert('faq.md', faq)], removals: [] });
      await beta.sources.apply({ upserts: [upsert('guide.md', documentToStore('guide.md', 'Beta guide', ['Beta has its own guide.']))], removals: [] });
      assert.deepEqual(await store.listKnowledgeBases(), ['alpha', 'beta']);
      assert.deepEqual(await beta.counts(), { documents: 1, chunks: 1 });
      assert.equal((await beta.documents.byKeys(['guide.md'])).get('guide.md')?.title, 'Beta guide');
      assert.equal((await alpha.documents.byKeys(['guide.md'])).get('guide.md')?.title, 'Guide');
      assert.equal((await beta.sources.owners(['faq.md'])).size, 0);
      const alphaRows = (await alpha.chunks.indexRows()).rows.map((row) => row.row);
      const betaRows = (await beta.chunks.indexRows()).rows.map((row) => row.row);
      assert.deepEqual(alphaRows.filter((row) => betaRows.includes(row)), []);
      assert.equal((await alpha.chunks.byRows(betaRows)).size, 0);
      assert.equal((await beta.chunks.byRows(alphaRows)).size, 0);
      assert.deepEqual((await beta.chunks.documentRows()).documents.map((document) => document.key), ['guide.md']);
      await beta.sources.apply({ upserts: [], removals: [{ root, path: 'guide.md' }, { root, path: 'faq.md' }] });
      assert.deepEqual(await beta.counts(), { documents: 0, chunks: 0 });
      assert.deepEqual(await alpha.counts(), { documents: 2, chunks: 4 });
    });

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
