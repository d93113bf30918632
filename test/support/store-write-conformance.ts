import assert from 'node:assert/strict';
import { it } from 'node:test';
import { isGroundedError } from '../../src/core/errors.js';
import type { FieldTerms } from '../../src/core/lexical-index.js';
import type { Store } from '../../src/core/store/store.js';
import { documentToStore, faq, fixtureRoot as root, guide, observe, recordOne, recordTwo, source, termsOf, upsert } from './store-fixtures.js';

/**
 * The cases of the store conformance suite for writing and reading one knowledge base: writes read back in batched
 * reads, field terms round-trip, a batch failing part-way leaves the previous state, re-upserts and removals leave
 * nothing behind, and knowledge bases stay apart. Registered inside `storeConformance`'s `describe`, on its current
 * store.
 *
 * @example
 * storeWriteConformance(() => store);
 */
export function storeWriteConformance(current: () => Store): void {
  it('writes sources, documents and chunks, and reads them back in one batched read', async () => {
    const store = current();
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
    const store = current();
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
    const store = current();
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
    const store = current();
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
    const store = current();
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
    const store = current();
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
}
