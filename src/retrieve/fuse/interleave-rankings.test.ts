import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { interleaveRankings } from './interleave-rankings.js';

const list = (...rows: number[]) => rows.map((row, index) => ({ row, score: 100 - index }));

describe('interleaveRankings', () => {
  it('takes one row of each list per round, each row once at its first turn', () => {
    const merged = interleaveRankings([list(1, 2, 3), list(4, 1, 5), list(6)]);
    assert.deepEqual(merged.map((hit) => hit.row), [1, 4, 6, 2, 3, 5]);
    assert.deepEqual(merged.map((hit) => hit.score), [1, 1, 1, 1 / 2, 1 / 3, 1 / 3]);
  });

  it('puts the best row of each of n lists in the top n, however the other lists rank it', () => {
    // Reciprocal rank fusion would put row 9 (second in both long lists) ahead of row 7, the only hit of list three.
    const merged = interleaveRankings([list(1, 9, 2), list(3, 9, 4), list(7)]);
    assert.deepEqual(merged.slice(0, 3).map((hit) => hit.row).sort(), [1, 3, 7]);
  });

  it('returns [] for no lists or only empty ones', () => {
    assert.deepEqual(interleaveRankings([]), []);
    assert.deepEqual(interleaveRankings([[], []]), []);
  });
});
