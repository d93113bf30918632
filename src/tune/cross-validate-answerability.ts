import type { AnswerabilityFeatures } from '../core/answerability-features.js';
import type { AnswerabilityModel } from '../core/answerability-model.js';
import { GroundedError } from '../core/errors.js';
import type { AnswerabilityExample } from './fit-answerability-model.js';
import { measureAbstention, type AbstentionDecision, type AbstentionFigures } from './measure-abstention.js';

/** Held-out figures of the model in use (`before`) and of the tuning procedure (`after`), pooled over the folds. */
export interface AnswerabilityCrossValidation {
  readonly folds: number;
  /** The baseline model with its own threshold, on every held-out question. */
  readonly before: AbstentionFigures;
  /** Each fold's model, fitted without that fold, with the threshold chosen on its training part. */
  readonly after: AbstentionFigures;
}

/** Settings of {@link crossValidateAnswerability}. */
export interface CrossValidateAnswerabilityOptions {
  /** Number of folds; default 5, from 2 to the number of examples. */
  readonly folds?: number;
  /** The model the tuned one would replace (the shipped model). */
  readonly baseline: AnswerabilityModel;
  /** The tuning procedure under test: fits a model on a fold's training part. */
  readonly fit: (training: readonly AnswerabilityExample[]) => AnswerabilityModel;
  /**
   * A model's probability for one question. Passed in because the prediction lives in `answer/`, which `tune/` does
   * not import; the app passes `predictAnswerability`, the one `kb.answer` gates with.
   */
  readonly predict: (model: AnswerabilityModel, features: AnswerabilityFeatures) => number;
}

/**
 * K-fold cross-validation of an answerability tuning procedure, stratified by label and deterministic: the
 * answerable examples, in the order given, are dealt to the folds in turn, and the unanswerable ones continue the
 * deal, so every fold holds within one of its share of each class and fold sizes differ by at most one. Each fold is
 * scored by a model fitted on the others; the figures are pooled over all held-out questions (weighted by
 * `weight`). Throws `INVALID_ARGUMENT` for fewer than 2 folds or more folds than examples.
 *
 * @example
 * const figures = crossValidateAnswerability(examples, {
 *   baseline: defaultAnswerabilityModel,
 *   fit: (training) => fitAnswerabilityModel(training, { source: 'fold', base: defaultAnswerabilityModel, interceptOnly: true }),
 *   predict: predictAnswerability,
 * });
 * // { folds: 5, before: { overRefusal: 0.12, abstentionRecall: 0.5 }, after: { overRefusal: 0.07, abstentionRecall: 0.55 } }
 */
export function crossValidateAnswerability(
  examples: readonly AnswerabilityExample[],
  options: CrossValidateAnswerabilityOptions,
): AnswerabilityCrossValidation {
  const folds = options.folds ?? 5;
  if (!Number.isInteger(folds) || folds < 2 || folds > examples.length) {
    throw new GroundedError('INVALID_ARGUMENT', `cannot cross-validate ${examples.length} examples in ${folds} folds`, {
      hint: 'use from 2 folds up to the number of examples',
    });
  }
  const foldOf = dealFolds(examples, folds);
  const before: AbstentionDecision[] = [];
  const after: AbstentionDecision[] = [];
  for (let fold = 0; fold < folds; fold += 1) {
    const held = examples.filter((_, index) => foldOf[index] === fold);
    const model = options.fit(examples.filter((_, index) => foldOf[index] !== fold));
    for (const example of held) {
      const label = { answerable: example.answerable, weight: example.weight ?? 1 };
      before.push({ ...label, abstained: options.predict(options.baseline, example.features) < options.baseline.threshold });
      after.push({ ...label, abstained: options.predict(model, example.features) < model.threshold });
    }
  }
  return { folds, before: measureAbstention(before), after: measureAbstention(after) };
}

/** The fold of each example: answerable ones dealt in turn, then the unanswerable ones continuing the deal. */
function dealFolds(examples: readonly AnswerabilityExample[], folds: number): number[] {
  const foldOf = new Array<number>(examples.length).fill(0);
  let next = 0;
  for (const answerable of [true, false]) {
    for (const [index, example] of examples.entries()) {
      if (example.answerable !== answerable) continue;
      foldOf[index] = next % folds;
      next += 1;
    }
  }
  return foldOf;
}
