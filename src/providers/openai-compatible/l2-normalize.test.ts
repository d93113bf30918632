import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { l2Normalize } from './l2-normalize.js';

describe('l2Normalize', () => {
  it('scales to unit length and keeps direction', () => {
    const result = l2Normalize([3, 4]);
    assert.ok(result instanceof Float32Array);
    assert.deepEqual([...result], [Math.fround(0.6), Math.fround(0.8)]);
  });

  it('leaves a zero vector zero instead of NaN', () => {
    assert.deepEqual([...l2Normalize([0, 0, 0])], [0, 0, 0]);
  });

  it('does not overflow on large components', () => {
    const result = l2Normalize(new Float32Array([1e30, 1e30]));
    assert.ok(Math.abs((result[0] ?? 0) - Math.SQRT1_2) < 1e-6);
  });
});
