import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brierScore } from './brier-score.js';

describe('brierScore', () => {
  it('matches a hand-computed value', () => {
    // (0.9 - 1)² + (0.4 - 0)² + (0.2 - 1)² = 0.01 + 0.16 + 0.64 = 0.81, over 3 cases = 0.27
    const score = brierScore([
      { predicted: 0.9, answerable: true },
      { predicted: 0.4, answerable: false },
      { predicted: 0.2, answerable: true },
    ]);
    assert.ok(Math.abs(score - 0.27) < 1e-12, String(score));
  });
  it('is 0 for perfect predictions, 1 for confidently wrong ones and 0.25 for always 0.5', () => {
    assert.equal(brierScore([{ predicted: 1, answerable: true }, { predicted: 0, answerable: false }]), 0);
    assert.equal(brierScore([{ predicted: 0, answerable: true }, { predicted: 1, answerable: false }]), 1);
    assert.equal(brierScore([{ predicted: 0.5, answerable: true }, { predicted: 0.5, answerable: false }]), 0.25);
  });
  it('is 0 for no cases, not NaN', () => {
    assert.equal(brierScore([]), 0);
  });
});
