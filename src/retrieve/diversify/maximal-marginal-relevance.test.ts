import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maximalMarginalRelevance } from './maximal-marginal-relevance.js';

// Rows 1 and 2 are near-duplicates; 3 is different and a little less relevant.
const vectors = new Map<number, number[]>([
  [1, [1, 0]],
  [2, [0.99, 0.141]],
  [3, [0, 1]],
  [4, [0.7, 0.714]],
]);
const cosine = (left: number, right: number): number | undefined => {
  const a = vectors.get(left);
  const b = vectors.get(right);
  return a === undefined || b === undefined ? undefined : (a[0] ?? 0) * (b[0] ?? 0) + (a[1] ?? 0) * (b[1] ?? 0);
};
const candidates = [
  { row: 1, score: 10 },
  { row: 2, score: 9.8 },
  { row: 3, score: 9 },
  { row: 4, score: 1 },
];

describe('maximalMarginalRelevance', () => {
  it('moves a near-duplicate below a novel passage', () => {
    const picked = maximalMarginalRelevance(candidates, { k: 3, similarity: cosine, lambda: 0.5 });
    assert.deepEqual(picked.map((hit) => hit.row), [1, 3, 2]);
  });

  it('keeps the input order with lambda 1, and stops at k or at the candidates', () => {
    assert.deepEqual(maximalMarginalRelevance(candidates, { k: 4, similarity: cosine, lambda: 1 }), candidates);
    assert.equal(maximalMarginalRelevance(candidates, { k: 9, similarity: cosine }).length, 4);
    assert.deepEqual(maximalMarginalRelevance([], { k: 3, similarity: cosine }), []);
  });

  it('treats unknown similarity as 0', () => {
    const picked = maximalMarginalRelevance(
      [
        { row: 1, score: 2 },
        { row: 99, score: 1 },
      ],
      { k: 2, similarity: cosine, lambda: 0.5 },
    );
    assert.deepEqual(picked.map((hit) => hit.row), [1, 99]);
  });
});
