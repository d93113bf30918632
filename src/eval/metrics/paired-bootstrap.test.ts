import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isGroundedError } from '../../core/errors.js';
import { pairedBootstrap } from './paired-bootstrap.js';

const close = (actual: number, expected: number): void => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} != ${expected}`);

// A deterministic spread of scores in [0, 1) that is not itself the bootstrap's PRNG.
const scores = (count: number, shift: number): number[] => Array.from({ length: count }, (_, index) => ((index * 0.618034 + shift) % 1));

describe('pairedBootstrap', () => {
  it('a constant per-case gain of 0.1 gives the interval [0.1, 0.1]', () => {
    const a = scores(50, 0).map((value) => value * 0.8);
    const result = pairedBootstrap(a, a.map((value) => value + 0.1));
    close(result.delta, 0.1);
    close(result.low, 0.1);
    close(result.high, 0.1);
  });
  it('the interval contains 0 when the true difference is 0', () => {
    const a = scores(200, 0);
    const b = scores(200, 0.37); // same distribution, different order per case
    const result = pairedBootstrap(a, b);
    assert.ok(result.low < 0 && result.high > 0, JSON.stringify(result));
    assert.ok(result.low <= result.delta && result.delta <= result.high);
  });
  it('a clear improvement excludes 0', () => {
    const a = scores(200, 0).map((value) => (value < 0.5 ? 1 : 0));
    const b = scores(200, 0).map((value) => (value < 0.8 ? 1 : 0));
    const result = pairedBootstrap(a, b);
    assert.ok(result.low > 0, JSON.stringify(result));
    // a is 1 on 50% of cases, b on 80%, and b is 1 wherever a is
    close(result.delta, 0.3);
  });
  it('is deterministic for a seed and varies with it; a wider confidence widens the interval', () => {
    const a = scores(40, 0);
    const b = scores(40, 0.5);
    assert.deepEqual(pairedBootstrap(a, b, { seed: 7 }), pairedBootstrap(a, b, { seed: 7 }));
    assert.notDeepEqual(pairedBootstrap(a, b, { seed: 7 }), pairedBootstrap(a, b, { seed: 8 }));
    const narrow = pairedBootstrap(a, b, { confidence: 0.5 });
    const wide = pairedBootstrap(a, b, { confidence: 0.99 });
    assert.ok(wide.low < narrow.low && wide.high > narrow.high);
  });
  it('empty inputs give zeros', () => {
    assert.deepEqual(pairedBootstrap([], []), { delta: 0, low: 0, high: 0 });
  });
  it('rejects different lengths and bad options with INVALID_ARGUMENT', () => {
    assert.throws(() => pairedBootstrap([1, 2], [1]), (error) => isGroundedError(error, 'INVALID_ARGUMENT'));
    assert.throws(() => pairedBootstrap([1], [1], { iterations: 0 }), (error) => isGroundedError(error, 'INVALID_ARGUMENT'));
    assert.throws(() => pairedBootstrap([1], [1], { confidence: 1 }), (error) => isGroundedError(error, 'INVALID_ARGUMENT'));
  });
});
