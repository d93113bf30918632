import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAnalyzer } from '../../../../src/indexing/lexical/create-analyzer.js';
import { createCorpusEmbedder } from './create-corpus-embedder.js';
import { embedTermCounts } from './embed-term-counts.js';
import { trainLsaVectors } from './train-lsa-vectors.js';

const analyzer = createAnalyzer();
const texts = [
  'The car engine turns the wheels on the road.',
  'An automobile engine drives wheels along the road.',
  'The cat drinks milk and purrs.',
  'A kitten purrs and drinks milk.',
];
const counts = (text: string): Map<string, number> => {
  const result = new Map<string, number>();
  for (const term of analyzer.terms(text)) result.set(term, (result.get(term) ?? 0) + 1);
  return result;
};

describe('createCorpusEmbedder', () => {
  const model = trainLsaVectors(texts.map(counts), { dimensions: 2, minDocumentFrequency: 1 });
  const embedder = createCorpusEmbedder(model, analyzer);

  it('embeds analyzed text exactly as embedTermCounts, for queries and documents alike', async () => {
    const [query] = await embedder.embed(['Cats drinking milk'], { kind: 'query' });
    const [document] = await embedder.embed(['Cats drinking milk']);
    assert.deepEqual(query, embedTermCounts(model, counts('Cats drinking milk')));
    assert.deepEqual(query, document);
    assert.equal(query?.length, embedder.dimensions);
  });

  it('has an id that hashes the model, stable across instances', () => {
    assert.match(embedder.id, /^corpus-lsa:[0-9a-f]{16}$/);
    assert.equal(createCorpusEmbedder(model, analyzer).id, embedder.id);
    const retrained = trainLsaVectors(texts.slice(1).map(counts), { dimensions: 2, minDocumentFrequency: 1 });
    assert.notEqual(createCorpusEmbedder(retrained, analyzer).id, embedder.id);
    assert.notEqual(createCorpusEmbedder(model, createAnalyzer({ stemmer: 'none' })).id, embedder.id);
    assert.equal(embedder.provider, 'corpus');
    assert.equal(embedder.modelId, 'lsa-2');
  });
});
