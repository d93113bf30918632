import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { selectTopK } from './select-top-k.js';

describe('selectTopK', () => {
  it('returns the best ids first, lower id first on ties', () => {
    const scores = new Float32Array([1, 3, 2, 3, 0.5]);
    assert.deepEqual([...selectTopK(scores, new Int32Array([4, 3, 2, 1, 0]), 5, 3)], [1, 3, 2]);
  });

  it('returns fewer than k when there are fewer candidates, and nothing for k < 1', () => {
    const scores = new Float32Array([1, 2]);
    assert.deepEqual([...selectTopK(scores, new Int32Array([0, 1]), 2, 10)], [1, 0]);
    assert.deepEqual([...selectTopK(scores, new Int32Array([0, 1]), 2, 0)], []);
  });

  it('agrees with a full sort on random scores', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 1, max: 50 }),
        (values, k) => {
          const scores = Float32Array.from(values, (value) => value / 4);
          const ids = Int32Array.from(values.keys()).reverse();
          const expected = [...ids]
            .sort((left, right) => (scores[right] ?? 0) - (scores[left] ?? 0) || left - right)
            .slice(0, k);
          assert.deepEqual([...selectTopK(scores, ids, ids.length, k)], expected);
        },
      ),
    );
  });
});
