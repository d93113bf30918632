import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { abstentionTradeoffCurve } from './abstention-tradeoff-curve.js';

const outcome = (predicted: number, answerable: boolean) => ({ predicted, answerable });
const cases = [outcome(0.1, false), outcome(0.3, false), outcome(0.5, true), outcome(0.7, false), outcome(0.9, true)];

describe('abstentionTradeoffCurve', () => {
  it('sweeps 0..1 in steps of 0.02 by default: 51 thresholds, exact decimals', () => {
    const curve = abstentionTradeoffCurve(cases);
    assert.equal(curve.length, 51);
    assert.equal(curve[0]?.threshold, 0);
    assert.equal(curve[3]?.threshold, 0.06);
    assert.equal(curve[35]?.threshold, 0.7);
    assert.equal(curve[50]?.threshold, 1);
  });

  it('refuses strictly below the threshold, with hand-computed rates', () => {
    const at = (threshold: number) => abstentionTradeoffCurve(cases).find((point) => point.threshold === threshold);
    // Nothing is below 0.
    assert.deepEqual(at(0), { threshold: 0, overRefusal: 0, abstentionRecall: 0 });
    // Below 0.3: only 0.1 (unanswerable); 0.3 itself is not below.
    assert.deepEqual(at(0.3), { threshold: 0.3, overRefusal: 0, abstentionRecall: 1 / 3 });
    // Below 0.6: 0.1, 0.3 (unanswerable) and 0.5 (answerable).
    assert.deepEqual(at(0.6), { threshold: 0.6, overRefusal: 1 / 2, abstentionRecall: 2 / 3 });
    assert.deepEqual(at(0.8), { threshold: 0.8, overRefusal: 1 / 2, abstentionRecall: 1 });
    assert.deepEqual(at(1), { threshold: 1, overRefusal: 1, abstentionRecall: 1 });
  });

  it('never decreases as the threshold rises', () => {
    const curve = abstentionTradeoffCurve(cases);
    for (let index = 1; index < curve.length; index += 1) {
      assert.ok((curve[index]?.overRefusal ?? 0) >= (curve[index - 1]?.overRefusal ?? 0));
      assert.ok((curve[index]?.abstentionRecall ?? 0) >= (curve[index - 1]?.abstentionRecall ?? 0));
    }
  });

  it('gives null for a rate with no case behind it, and takes another step', () => {
    assert.deepEqual(abstentionTradeoffCurve([outcome(0.4, true)], 0.5), [
      { threshold: 0, overRefusal: 0, abstentionRecall: null },
      { threshold: 0.5, overRefusal: 1, abstentionRecall: null },
      { threshold: 1, overRefusal: 1, abstentionRecall: null },
    ]);
  });

  it('refuses a step outside (0, 1] with INVALID_ARGUMENT', () => {
    assert.throws(() => abstentionTradeoffCurve(cases, 0), { code: 'INVALID_ARGUMENT' });
    assert.throws(() => abstentionTradeoffCurve(cases, -0.1), { code: 'INVALID_ARGUMENT' });
  });
});
