import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { poolHiddenStates } from './pool-hidden-states.js';

// Two texts, three positions, two dimensions; the second text has one padding position holding a huge vector.
const data = [1, 0, 3, 4, 0, 2, /* second text */ 0, 3, 0, 1, 1000, 1000];
const attentionMask = [1n, 1n, 1n, 1n, 1n, 0n];

describe('poolHiddenStates', () => {
  it('averages the unmasked tokens, then normalizes', () => {
    const [first, second] = poolHiddenStates({ data, dims: [2, 3, 2], attentionMask }, 'mean');
    // first: mean (4/3, 2) -> direction (2, 3); second: mean (0, 2) -> (0, 1).
    assert.ok(Math.abs((first?.[0] ?? 0) - 2 / Math.hypot(2, 3)) < 1e-6);
    assert.ok(Math.abs((first?.[1] ?? 0) - 3 / Math.hypot(2, 3)) < 1e-6);
    assert.deepEqual([...(second ?? [])], [0, 1]);
  });

  it('takes the first token with cls pooling', () => {
    const vectors = poolHiddenStates({ data, dims: [2, 3, 2], attentionMask: [0, 0, 0, 0, 0, 0] }, 'cls');
    assert.deepEqual(vectors.map((vector) => [...vector]), [[1, 0], [0, 1]]);
  });

  it('gives a zero vector for a fully masked row instead of NaN', () => {
    const [vector] = poolHiddenStates({ data: [5, 5], dims: [1, 1, 2], attentionMask: [0] }, 'mean');
    assert.deepEqual([...(vector ?? [])], [0, 0]);
  });
});
