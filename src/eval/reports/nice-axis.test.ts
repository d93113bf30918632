import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { niceAxis } from './nice-axis.js';

describe('niceAxis', () => {
  it('rounds up to a 1-2-5 step', () => {
    assert.deepEqual(niceAxis(0.83), { max: 1, step: 0.2, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] });
    assert.deepEqual(niceAxis(37), { max: 40, step: 10, ticks: [0, 10, 20, 30, 40] });
    assert.deepEqual(niceAxis(0.3, 3).ticks, [0, 0.1, 0.2, 0.3]);
  });
  it('uses whole steps for counts', () => {
    assert.deepEqual(niceAxis(3, 5, true).ticks, [0, 1, 2, 3]);
    assert.deepEqual(niceAxis(0, 5, true).ticks, [0, 1]);
  });
  it('gives 0..1 for an empty or invalid maximum', () => {
    assert.equal(niceAxis(0).max, 1);
    assert.equal(niceAxis(Number.NaN).max, 1);
    assert.equal(niceAxis(-4).max, 1);
  });
  it('always covers the value with at most tickCount intervals', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e9, noNaN: true }), fc.integer({ min: 1, max: 12 }), (value, count) => {
        const axis = niceAxis(value, count);
        assert.ok(axis.max >= value * (1 - 1e-9), `${axis.max} < ${value}`);
        assert.ok(axis.ticks.length - 1 <= count, `${axis.ticks.length - 1} intervals for ${count}`);
        assert.equal(axis.ticks[0], 0);
      }),
    );
  });
});
