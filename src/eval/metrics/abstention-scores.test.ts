import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { abstentionScores } from './abstention-scores.js';

const outcome = (shouldAbstain: boolean, abstained: boolean) => ({ shouldAbstain, abstained });

describe('abstentionScores', () => {
  it('matches a hand-computed mixed case', () => {
    // TP 2, FP 1, FN 1, answerable 3 -> P 2/3, R 2/3, F1 2/3, over-refusal 1/3
    const scores = abstentionScores([
      outcome(true, true), outcome(true, true), outcome(true, false),
      outcome(false, true), outcome(false, false), outcome(false, false),
    ]);
    assert.deepEqual(scores, { precision: 2 / 3, recall: 2 / 3, f1: 2 / 3, overRefusal: 1 / 3 });
  });
  it('no abstentions and no unanswerable cases is perfect', () => {
    assert.deepEqual(abstentionScores([outcome(false, false), outcome(false, false)]), { precision: 1, recall: 1, f1: 1, overRefusal: 0 });
    assert.deepEqual(abstentionScores([]), { precision: 1, recall: 1, f1: 1, overRefusal: 0 });
  });
  it('no abstentions while some cases are unanswerable: precision and recall 0', () => {
    assert.deepEqual(abstentionScores([outcome(true, false), outcome(false, false)]), { precision: 0, recall: 0, f1: 0, overRefusal: 0 });
  });
  it('abstaining with no unanswerable case: recall 0 by convention, full over-refusal', () => {
    assert.deepEqual(abstentionScores([outcome(false, true), outcome(false, true)]), { precision: 0, recall: 0, f1: 0, overRefusal: 1 });
  });
  it('all abstentions on a mixed set', () => {
    // TP 1, FP 3 -> P 1/4, R 1, F1 = 2 * 0.25 / 1.25 = 0.4, over-refusal 3/3
    const scores = abstentionScores([outcome(true, true), outcome(false, true), outcome(false, true), outcome(false, true)]);
    assert.equal(scores.precision, 0.25);
    assert.equal(scores.recall, 1);
    assert.ok(Math.abs(scores.f1 - 0.4) < 1e-12);
    assert.equal(scores.overRefusal, 1);
  });
  it('only unanswerable cases, all abstained: perfect and over-refusal 0 (no answerable case)', () => {
    assert.deepEqual(abstentionScores([outcome(true, true)]), { precision: 1, recall: 1, f1: 1, overRefusal: 0 });
  });
});
