import type { AnswerabilityFeatureName } from './answerability-features.js';

/**
 * A logistic model of P(the knowledge base answers the question) over the answerability features, with the two
 * decision thresholds: below `threshold` the offline answerer abstains; below `modelThreshold` (lower) a configured
 * language model is not called at all, because even a model could not answer from these passages.
 */
export interface AnswerabilityModel {
  readonly version: 1;
  readonly intercept: number;
  /** Coefficient per feature; a missing feature weighs 0. */
  readonly weights: Readonly<Partial<Record<AnswerabilityFeatureName, number>>>;
  /** Abstain (offline answerer) when the probability is below this. */
  readonly threshold: number;
  /** Do not call a configured model when the probability is below this (at most `threshold`). */
  readonly modelThreshold: number;
  /** Where the coefficients came from: the shipped fit, or `tune answerability` on a golden set. */
  readonly source: string;
}
