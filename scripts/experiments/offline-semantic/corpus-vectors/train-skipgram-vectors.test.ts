import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { embedTermCounts } from './embed-term-counts.js';
import { trainSkipgramVectors } from './train-skipgram-vectors.js';

// Two topics whose terms only ever appear with their own topic's terms.
const vehicles = ['car', 'engine', 'wheel', 'road', 'driver', 'fuel'];
const animals = ['cat', 'kitten', 'purr', 'milk', 'whisker', 'paw'];
function corpus(): string[][] {
  let state = 11;
  const pick = (terms: readonly string[]): string => {
    state = (state * 48271) % 2147483647;
    return terms[state % terms.length] ?? '';
  };
  return Array.from({ length: 400 }, (_, line) => Array.from({ length: 12 }, () => pick(line % 2 === 0 ? vehicles : animals)));
}
const cosine = (left: Float32Array, right: Float32Array): number => left.reduce((sum, value, index) => sum + value * (right[index] ?? 0), 0);
const one = (term: string): Map<string, number> => new Map([[term, 1]]);

describe('trainSkipgramVectors', () => {
  it('learns topic structure from the corpus alone, deterministically, with SIF weights', async () => {
    const documents = corpus();
    const options = { dimensions: 16, epochs: 10, minCount: 1, removeCommonComponent: false } as const;
    const model = await trainSkipgramVectors(documents, options);
    assert.equal(model.kind, 'skipgram');
    assert.equal(model.terms.size, 12);
    assert.equal(model.terms.has('</s>'), false);
    const car = embedTermCounts(model, one('car'));
    assert.ok(cosine(car, embedTermCounts(model, one('road'))) > cosine(car, embedTermCounts(model, one('kitten'))));
    // Every term is about equally frequent here, so SIF weights are about equal and below 1.
    for (const weight of model.termWeights) assert.ok(weight > 0.01 && weight < 0.02);
    const again = await trainSkipgramVectors(documents, options);
    assert.deepEqual(again.termVectors, model.termVectors);
  });

  it('removes a unit common component when asked', async () => {
    const model = await trainSkipgramVectors(corpus(), { dimensions: 8, epochs: 2, minCount: 1 });
    const component = model.commonComponent ?? new Float32Array(0);
    assert.equal(component.length, 8);
    assert.ok(Math.abs(cosine(component, component) - 1) < 1e-5);
    assert.ok(Math.abs(cosine(embedTermCounts(model, new Map([['car', 2], ['milk', 1]])), component)) < 1e-5);
  });
});
