import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reliabilityBins } from './reliability-bins.js';

const outcome = (predicted: number, answerable: boolean) => ({ predicted, answerable });

describe('reliabilityBins', () => {
  it('bins predictions into ten equal-width bins with hand-computed means and observed shares', () => {
    const bins = reliabilityBins([
      outcome(0.05, false), outcome(0.15, false), outcome(0.11, true),
      outcome(0.5, true), outcome(0.55, false),
      outcome(0.95, true), outcome(1, true), outcome(0.9, false),
    ]);
    assert.equal(bins.length, 10);
    assert.deepEqual(bins.map((bin) => [bin.lower, bin.upper]), [
      [0, 0.1], [0.1, 0.2], [0.2, 0.3], [0.3, 0.4], [0.4, 0.5], [0.5, 0.6], [0.6, 0.7], [0.7, 0.8], [0.8, 0.9], [0.9, 1],
    ]);
    assert.deepEqual(bins.map((bin) => bin.count), [1, 2, 0, 0, 0, 2, 0, 0, 0, 3]);
    assert.deepEqual(bins[0], { lower: 0, upper: 0.1, count: 1, meanPredicted: 0.05, observedAnswerable: 0 });
    // (0.15 + 0.11) / 2 = 0.13; one of two answerable
    assert.ok(Math.abs((bins[1]?.meanPredicted ?? 0) - 0.13) < 1e-12);
    assert.equal(bins[1]?.observedAnswerable, 0.5);
    assert.ok(Math.abs((bins[5]?.meanPredicted ?? 0) - 0.525) < 1e-12);
    // 1 falls in the last bin with 0.95 and 0.9: (0.95 + 1 + 0.9) / 3 = 0.95, two of three answerable
    assert.ok(Math.abs((bins[9]?.meanPredicted ?? 0) - 0.95) < 1e-12);
    assert.equal(bins[9]?.observedAnswerable, 2 / 3);
  });

  it('gives an empty bin null mean and observed share, never NaN', () => {
    const bins = reliabilityBins([]);
    assert.deepEqual(bins[4], { lower: 0.4, upper: 0.5, count: 0, meanPredicted: null, observedAnswerable: null });
  });

  it('puts a bin edge in the upper bin and clamps out-of-range predictions', () => {
    const bins = reliabilityBins([outcome(0.3, true), outcome(-0.2, false), outcome(1.5, true)], 10);
    assert.equal(bins[3]?.count, 1);
    assert.deepEqual(bins[0], { lower: 0, upper: 0.1, count: 1, meanPredicted: 0, observedAnswerable: 0 });
    assert.deepEqual(bins[9], { lower: 0.9, upper: 1, count: 1, meanPredicted: 1, observedAnswerable: 1 });
  });

  it('takes another number of bins', () => {
    const bins = reliabilityBins([outcome(0.2, true), outcome(0.8, false)], 4);
    assert.deepEqual(bins.map((bin) => [bin.lower, bin.upper, bin.count]), [[0, 0.25, 1], [0.25, 0.5, 0], [0.5, 0.75, 0], [0.75, 1, 1]]);
  });
});
