import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answerabilityFeatureNames, type AnswerabilityFeatures } from '../core/answerability-features.js';
import type { AnswerabilityModel } from '../core/answerability-model.js';
import { expectGroundedError } from '../testing/expect-grounded-error.js';
import { crossValidateAnswerability } from './cross-validate-answerability.js';
import type { AnswerabilityExample } from './fit-answerability-model.js';

/** Features carrying an example's id in `coverageBest` and a probability in `topScoreRatio`, the rest 0. */
function features(id: number, probability = 0.5): AnswerabilityFeatures {
  const values = Object.fromEntries(answerabilityFeatureNames.map((name) => [name, 0])) as Record<(typeof answerabilityFeatureNames)[number], number>;
  return { ...values, coverageBest: id, topScoreRatio: probability };
}

const model = (threshold: number, source = 'test'): AnswerabilityModel => ({ version: 1, intercept: 0, weights: {}, threshold, modelThreshold: threshold, source });
/** The probability a test example carries. */
const carried = (_: AnswerabilityModel, values: AnswerabilityFeatures): number => values.topScoreRatio;
const idOf = (example: AnswerabilityExample): number => example.features.coverageBest;

/** 23 answerable then 7 unanswerable, grouped as golden sets often are: contiguous folds would not be stratified. */
const grouped: AnswerabilityExample[] = Array.from({ length: 30 }, (_, id) => ({ features: features(id), answerable: id < 23 }));

describe('crossValidateAnswerability', () => {
  it('holds every example out exactly once, never trains on it, and keeps each fold stratified', () => {
    const trainings: number[][] = [];
    const result = crossValidateAnswerability(grouped, {
      baseline: model(0.5),
      predict: carried,
      fit: (training) => {
        trainings.push(training.map(idOf));
        return model(0.5);
      },
    });
    assert.equal(result.folds, 5);
    assert.equal(trainings.length, 5);
    const heldOut = trainings.map((training) => grouped.map(idOf).filter((id) => !training.includes(id)));
    assert.deepEqual(heldOut.flat().sort((a, b) => a - b), grouped.map(idOf), 'each example is held out once');
    for (const fold of heldOut) {
      const unanswerable = fold.filter((id) => id >= 23).length;
      assert.ok(fold.length - unanswerable >= 4 && fold.length - unanswerable <= 5, `answerable in fold: ${fold.join(',')}`);
      assert.ok(unanswerable >= 1 && unanswerable <= 2, `unanswerable in fold: ${fold.join(',')}`);
      assert.equal(fold.length, 6, 'fold sizes are even');
    }
  });

  it('deals the same folds every time', () => {
    const run = (): number[][] => {
      const trainings: number[][] = [];
      crossValidateAnswerability(grouped, { baseline: model(0.5), predict: carried, fit: (training) => (trainings.push(training.map(idOf)), model(0.5)) });
      return trainings;
    };
    assert.deepEqual(run(), run());
  });

  it('scores each fold only with a model that never saw it', () => {
    // A model that memorizes its training set: right on what it saw, wrong on anything else. Leakage would make it perfect.
    const examples = grouped.map((example) => ({ ...example, features: features(idOf(example), example.answerable ? 0.9 : 0.1) }));
    const seen = new Map<string, Set<number>>();
    const result = crossValidateAnswerability(examples, {
      baseline: model(0.5, 'baseline'),
      predict: (fitted, values) => {
        const right = values.topScoreRatio;
        if (fitted.source === 'baseline') return right;
        return seen.get(fitted.source)?.has(values.coverageBest) === true ? right : 1 - right;
      },
      fit: (training) => {
        const source = `fold ${seen.size}`;
        seen.set(source, new Set(training.map(idOf)));
        return model(0.5, source);
      },
    });
    assert.deepEqual(result.before, { overRefusal: 0, abstentionRecall: 1 });
    assert.deepEqual(result.after, { overRefusal: 1, abstentionRecall: 0 });
  });

  it('pools before (baseline threshold) and after (each fold model’s own threshold) over all held-out questions', () => {
    // Answerable ids 0-9 at 0.05, 0.15, ..., 0.95; unanswerable ids 10-19 at 0.1, 0.2, ..., 1.0, weighing 2 each.
    const examples: AnswerabilityExample[] = [
      ...Array.from({ length: 10 }, (_, index) => ({ features: features(index, 0.05 + index / 10), answerable: true })),
      ...Array.from({ length: 10 }, (_, index) => ({ features: features(10 + index, (index + 1) / 10), answerable: false, weight: 2 })),
    ];
    // The model fitted without id 0 (the one scoring fold 0: ids 0, 4, 8, 12, 16) cuts at 0.6, every other one at 0.32.
    const fit = (training: readonly AnswerabilityExample[]): AnswerabilityModel => model(training.some((example) => idOf(example) === 0) ? 0.32 : 0.6);
    const result = crossValidateAnswerability(examples, { folds: 4, baseline: model(0.5), predict: carried, fit });
    assert.equal(result.folds, 4);
    // Before, below 0.5: 5 of 10 answerable, 4 of 10 unanswerable (0.1-0.4).
    assert.deepEqual(result.before, { overRefusal: 0.5, abstentionRecall: 0.4 });
    // After: fold 0 refuses ids 0, 4 and 12; the others, below 0.32, ids 1, 2, 10 and 11.
    assert.deepEqual(result.after, { overRefusal: 0.4, abstentionRecall: 0.3 });
  });

  it('refuses fewer than 2 folds or more folds than examples', async () => {
    const options = { baseline: model(0.5), predict: carried, fit: () => model(0.5) };
    await expectGroundedError(Promise.resolve().then(() => crossValidateAnswerability(grouped, { ...options, folds: 1 })), 'INVALID_ARGUMENT');
    await expectGroundedError(Promise.resolve().then(() => crossValidateAnswerability(grouped.slice(0, 3), options)), 'INVALID_ARGUMENT');
  });
});
