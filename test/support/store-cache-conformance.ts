import assert from 'node:assert/strict';
import { it } from 'node:test';
import { isGroundedError } from '../../src/core/errors.js';
import type { Store } from '../../src/core/store/store.js';
import { documentToStore, faq, fixtureRoot as root, guide, upsert } from './store-fixtures.js';

/**
 * The cases of the store conformance suite for what a knowledge base keeps besides its documents: the embedding cache,
 * run history and tuned models. Registered inside `storeConformance`'s `describe`, on its current store.
 *
 * @example
 * storeCacheConformance(() => store);
 */
export function storeCacheConformance(current: () => Store): void {
  it('caches one vector per distinct text and model, shared across knowledge bases, and prunes orphans', async () => {
    const store = current();
    const docs = store.open('docs');
    await docs.create();
    const twin = documentToStore('twin.md', 'FAQ', ['Why is it slow? Check the cache size.']);
    await docs.sources.apply({ upserts: [upsert('guide.md', guide), upsert('faq.md', faq), upsert('twin.md', twin)], removals: [] });
    const texts = await docs.embeddings.textsToEmbed('model-a');
    assert.equal(texts.length, 4, 'faq.md and twin.md share one text');
    assert.equal(texts.find((text) => text.text.includes('Logs go to stderr'))?.text, 'Guide\nRunning\nLogs\nLogs go to stderr by default.');
    const vectorOf = (hash: string): Float32Array => new Float32Array([hash.charCodeAt(0), hash.charCodeAt(1), 0.5]);
    await docs.embeddings.put('model-a', texts.slice(0, 2).map(({ hash }) => ({ hash, vector: vectorOf(hash) })));
    assert.deepEqual(await docs.embeddings.coverage('model-a'), { chunks: 5, embedded: 2 });
    assert.deepEqual((await docs.embeddings.textsToEmbed('model-a')).map((text) => text.hash), texts.slice(2).map((text) => text.hash));
    assert.equal((await docs.embeddings.textsToEmbed('model-b')).length, 4, 'another model starts from nothing');
    await docs.embeddings.put('model-a', texts.slice(2).map(({ hash }) => ({ hash, vector: vectorOf(hash) })));
    const all = await docs.embeddings.vectors('model-a');
    assert.equal(all.rows.length, 5);
    assert.equal(all.generation, await docs.generation());
    const faqRows = (await docs.chunks.indexRows()).rows.map((row) => row.row).slice(3);
    const twins = await docs.embeddings.vectors('model-a', faqRows);
    assert.deepEqual(twins.rows, faqRows);
    assert.deepEqual(twins.vectors[0], twins.vectors[1]);
    const other = store.open('other');
    await other.create();
    await other.sources.apply({ upserts: [upsert('faq.md', faq)], removals: [] });
    assert.deepEqual(await other.embeddings.textsToEmbed('model-a'), [], 'another knowledge base reuses the cached vector');
    assert.deepEqual(await other.embeddings.coverage('model-a'), { chunks: 1, embedded: 1 });
    await docs.sources.apply({ upserts: [], removals: [{ root, path: 'guide.md' }] });
    assert.equal(await store.pruneEmbeddings(), 3, "the guide's three texts are orphans; the FAQ text is still used");
    assert.equal((await docs.embeddings.vectors('model-a')).rows.length, 2);
  });

  it('keeps a run history per knowledge base, newest first, found by id or unique prefix', async () => {
    const store = current();
    const docs = store.open('docs');
    const other = store.open('other');
    await docs.create();
    await other.create();
    const run = (id: string, createdAt: string) => ({ id, createdAt, golden: '/golden.jsonl', summary: { cases: 3 }, report: JSON.stringify({ id }) });
    await docs.runs.save(run('20240501-aaa111', '2024-05-01T00:00:00.000Z'));
    await docs.runs.save(run('20240502-aab222', '2024-05-02T00:00:00.000Z'));
    await other.runs.save(run('20240503-ccc333', '2024-05-03T00:00:00.000Z'));
    assert.deepEqual((await docs.runs.list()).map((entry) => entry.id), ['20240502-aab222', '20240501-aaa111']);
    assert.deepEqual((await docs.runs.list())[0], { id: '20240502-aab222', createdAt: '2024-05-02T00:00:00.000Z', golden: '/golden.jsonl', summary: { cases: 3 } });
    assert.equal((await docs.runs.get('20240501-aaa'))?.report, JSON.stringify({ id: '20240501-aaa111' }));
    assert.equal(await docs.runs.get('20240501-aa%'), undefined, 'a prefix is literal text');
    assert.equal(await docs.runs.get('2024050'), undefined, 'an ambiguous prefix finds nothing');
    assert.equal(await docs.runs.get('20240503'), undefined, "another knowledge base's run is not found");
  });

  it('stores, replaces and deletes tuned models per knowledge base, payload as given, generation untouched', async () => {
    const store = current();
    const docs = store.open('docs');
    const beta = store.open('beta');
    await docs.create();
    await beta.create();
    const generation = await docs.generation();
    const first = '{ "weights": [0.5, -1.25], "bias": 0.1, "note": "café ✓" }';
    await docs.tunedModels.put('answerability', first, '2024-05-01T10:00:00.000Z');
    assert.deepEqual(await docs.tunedModels.get('answerability'), { payload: first, createdAt: '2024-05-01T10:00:00.000Z' });
    assert.equal(await docs.tunedModels.get('router'), undefined, 'names are separate');
    assert.equal(await beta.tunedModels.get('answerability'), undefined, 'knowledge bases are separate');
    assert.equal(await beta.tunedModels.delete('answerability'), false);
    await docs.tunedModels.put('answerability', '{"bias":-0.2}', '2024-05-02T10:00:00.000Z');
    assert.deepEqual(await docs.tunedModels.get('answerability'), { payload: '{"bias":-0.2}', createdAt: '2024-05-02T10:00:00.000Z' });
    assert.equal(await docs.generation(), generation, 'a tuned model is not a change of the indexed content');
    assert.equal(await docs.tunedModels.delete('answerability'), true);
    assert.equal(await docs.tunedModels.delete('answerability'), false);
    const nope = store.open('nope');
    for (const call of [() => nope.tunedModels.get('answerability'), () => nope.tunedModels.put('answerability', '{}', '2024-05-01T00:00:00.000Z'), () => nope.runs.list()]) {
      await assert.rejects(call(), (error: unknown) => isGroundedError(error, 'KB_NOT_FOUND'));
    }
    assert.deepEqual(await store.listKnowledgeBases(), ['beta', 'docs'], 'a write to an unknown knowledge base creates nothing');
  });
}
