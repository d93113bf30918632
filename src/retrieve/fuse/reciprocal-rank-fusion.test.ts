import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reciprocalRankFusion } from './reciprocal-rank-fusion.js';

const list = (...rows: number[]) => rows.map((row, index) => ({ row, score: 100 - index }));

describe('reciprocalRankFusion', () => {
  it('sums 1/(k + rank) over the lists, by hand with k = 60', () => {
    const fused = reciprocalRankFusion([list(1, 2, 3), list(3, 1)]);
    const expected = new Map([
      [1, 1 / 61 + 1 / 62],
      [3, 1 / 63 + 1 / 61],
      [2, 1 / 62],
    ]);
    assert.deepEqual(fused.map((hit) => hit.row), [1, 3, 2]);
    for (const hit of fused) assert.ok(Math.abs(hit.score - (expected.get(hit.row) ?? 0)) < 1e-12);
  });

  it('ignores score scales: only ranks matter', () => {
    const scaled = [list(4, 5, 6).map((hit) => ({ ...hit, score: hit.score * 1e6 })), list(6, 5)];
    assert.deepEqual(reciprocalRankFusion(scaled), reciprocalRankFusion([list(4, 5, 6), list(6, 5)]));
  });

  it('weighs lists and honours a smaller k', () => {
    const fused = reciprocalRankFusion([list(1, 2), list(2, 1)], { k: 1, weights: [1, 3] });
    assert.deepEqual(fused.map((hit) => hit.row), [2, 1]);
    assert.ok(Math.abs((fused[0]?.score ?? 0) - (1 / 3 + 3 / 2)) < 1e-12);
  });

  it('breaks ties by the earlier list, and returns [] for no lists', () => {
    assert.deepEqual(reciprocalRankFusion([list(7), list(8)]).map((hit) => hit.row), [7, 8]);
    assert.deepEqual(reciprocalRankFusion([]), []);
  });
});
