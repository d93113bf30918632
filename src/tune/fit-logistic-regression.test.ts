import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chooseAnswerabilityThresholds } from './choose-answerability-thresholds.js';
import { fitLogisticRegression } from './fit-logistic-regression.js';

describe('fitLogisticRegression', () => {
  it('recovers the coefficients of a known logistic model from its expected labels', () => {
    // Every x on a grid with weight p(x) for y=1 and 1-p(x) for y=0: the exact maximum likelihood is the true model.
    const truth = { intercept: -1.5, slope: 3 };
    const examples = [];
    for (let step = 0; step <= 20; step += 1) {
      const x = step / 10;
      const p = 1 / (1 + Math.exp(-(truth.intercept + truth.slope * x)));
      examples.push({ x: [x], y: 1 as const, weight: p }, { x: [x], y: 0 as const, weight: 1 - p });
    }
    const fit = fitLogisticRegression(examples, { l2: 0 });
    assert.ok(Math.abs(fit.intercept - truth.intercept) < 1e-6, `${fit.intercept}`);
    assert.ok(Math.abs((fit.coefficients[0] ?? 0) - truth.slope) < 1e-6, `${fit.coefficients[0]}`);
  });

  it('fits only the intercept when asked, keeping the prior coefficients', () => {
    const examples = [0, 1, 2, 3].flatMap((x) => [{ x: [x], y: 1 as const, weight: 3 }, { x: [x], y: 0 as const, weight: 1 }]);
    const fit = fitLogisticRegression(examples, { prior: [0], interceptOnly: true });
    assert.equal(fit.coefficients[0], 0);
    // With a zero slope the intercept is the log-odds of the labels: ln(3).
    assert.ok(Math.abs(fit.intercept - Math.log(3)) < 1e-9);
  });

  it('shrinks toward the prior as the penalty grows', () => {
    const examples = [{ x: [0], y: 0 as const }, { x: [1], y: 1 as const }, { x: [0.2], y: 0 as const }, { x: [0.7], y: 1 as const }, { x: [0.6], y: 0 as const }];
    const loose = fitLogisticRegression(examples, { l2: 0.01 }).coefficients[0] ?? 0;
    const tight = fitLogisticRegression(examples, { l2: 100, prior: [0.5] }).coefficients[0] ?? 0;
    assert.ok(loose > 3);
    assert.ok(Math.abs(tight - 0.5) < 0.2, `${tight}`);
  });
});

describe('chooseAnswerabilityThresholds', () => {
  it('takes the highest cut that keeps over-refusal within its target', () => {
    // 100 answerable questions at probabilities 0.01..1.00; the offline target is 8%, the model target 2%.
    const scored = Array.from({ length: 100 }, (_, index) => ({ probability: (index + 1) / 100, answerable: true }));
    const { threshold, modelThreshold } = chooseAnswerabilityThresholds([...scored, { probability: 0, answerable: false }]);
    assert.equal(threshold, 0.09);
    assert.equal(modelThreshold, 0.03);
  });
});
