import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { embedTermCounts } from './embed-term-counts.js';
import { trainLsaVectors } from './train-lsa-vectors.js';

const doc = (text: string): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const term of text.split(' ')) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
};
const cosine = (left: Float32Array, right: Float32Array): number => left.reduce((sum, value, index) => sum + value * (right[index] ?? 0), 0);

// Two topics; "car" and "automobile" never meet in a chunk but share their contexts.
const documents = [
  doc('car engine wheel road'),
  doc('automobile engine wheel road'),
  doc('car road driver'),
  doc('automobile driver road'),
  doc('cat purr whisker milk'),
  doc('kitten purr whisker milk'),
  doc('cat kitten milk'),
  doc('kitten whisker purr'),
];

describe('trainLsaVectors', () => {
  it('puts terms that share contexts together, apart from the other topic', () => {
    const model = trainLsaVectors(documents, { dimensions: 2 });
    assert.equal(model.kind, 'lsa');
    assert.equal(model.dimensions, 2);
    const car = embedTermCounts(model, doc('car'));
    const automobile = embedTermCounts(model, doc('automobile'));
    const kitten = embedTermCounts(model, doc('kitten'));
    assert.ok(cosine(car, automobile) > 0.95, `car~automobile ${cosine(car, automobile)}`);
    assert.ok(Math.abs(cosine(car, kitten)) < 0.2, `car~kitten ${cosine(car, kitten)}`);
  });

  it('leaves out terms below minDocumentFrequency, gives unit vectors, and zero for unknown text', () => {
    const model = trainLsaVectors([...documents, doc('zebra road')], { dimensions: 2 });
    assert.equal(model.terms.has('zebra'), false);
    assert.equal(model.terms.has('road'), true);
    const vector = embedTermCounts(model, doc('engine road'));
    assert.ok(Math.abs(cosine(vector, vector) - 1) < 1e-6);
    assert.ok(embedTermCounts(model, doc('zebra')).every((value) => value === 0));
  });

  it('is deterministic and records its settings', () => {
    const first = trainLsaVectors(documents, { dimensions: 2, seed: 3 });
    const second = trainLsaVectors(documents, { dimensions: 2, seed: 3 });
    assert.deepEqual(first.termVectors, second.termVectors);
    assert.equal(JSON.parse(first.settings).seed, 3);
  });
});
