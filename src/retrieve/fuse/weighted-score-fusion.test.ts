import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { weightedScoreFusion } from './weighted-score-fusion.js';

describe('weightedScoreFusion', () => {
  it('min-max scales each list and sums with the weights, by hand', () => {
    const lexical = [
      { row: 1, score: 12 },
      { row: 2, score: 8 },
      { row: 3, score: 2 },
    ];
    const semantic = [
      { row: 3, score: 0.9 },
      { row: 4, score: 0.7 },
      { row: 1, score: 0.5 },
    ];
    const fused = weightedScoreFusion([lexical, semantic], { weights: [0.4, 0.6] });
    const expected = new Map([
      [1, 0.4 * 1 + 0.6 * 0],
      [2, 0.4 * 0.6],
      [3, 0.4 * 0 + 0.6 * 1],
      [4, 0.6 * 0.5],
    ]);
    assert.deepEqual(fused.map((hit) => hit.row), [3, 1, 4, 2]);
    for (const hit of fused) assert.ok(Math.abs(hit.score - (expected.get(hit.row) ?? -1)) < 1e-12);
  });

  it('gives every row of a flat list the full weight, and skips empty lists', () => {
    const fused = weightedScoreFusion([[{ row: 5, score: 3 }, { row: 6, score: 3 }], []], { weights: [0.5, 0.5] });
    assert.deepEqual(fused, [
      { row: 5, score: 0.5 },
      { row: 6, score: 0.5 },
    ]);
  });
});
