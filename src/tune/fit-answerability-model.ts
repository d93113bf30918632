import { answerabilityFeatureNames, type AnswerabilityFeatures } from '../core/answerability-features.js';
import type { AnswerabilityModel } from '../core/answerability-model.js';
import { chooseAnswerabilityThresholds } from './choose-answerability-thresholds.js';
import { fitLogisticRegression } from './fit-logistic-regression.js';

/** One labelled question: its answerability signals and whether the knowledge base answers it. */
export interface AnswerabilityExample {
  readonly features: AnswerabilityFeatures;
  readonly answerable: boolean;
  /** How much it counts (sets are weighted so none drowns the others); default 1. */
  readonly weight?: number;
}

/** Settings of {@link fitAnswerabilityModel}. */
export interface FitAnswerabilityOptions {
  /** Recorded in the model (`shipped: ...`, `tuned: golden.jsonl`). */
  readonly source: string;
  /** Coefficients to start from and shrink toward (the shipped model when tuning a knowledge base). */
  readonly base?: AnswerabilityModel;
  /** Keep `base`'s coefficients and refit only the intercept (small sets). */
  readonly interceptOnly?: boolean;
  /** L2 penalty; default 1 (see `fitLogisticRegression`). */
  readonly l2?: number;
}

/**
 * Fits the answerability model: a logistic regression of "answerable" on the signals, then the two thresholds on
 * the fitted probabilities (see {@link chooseAnswerabilityThresholds}).
 *
 * @example
 * const model = fitAnswerabilityModel(examples, { source: 'shipped: squad, clapnq, traefik, nats' });
 */
export function fitAnswerabilityModel(examples: readonly AnswerabilityExample[], options: FitAnswerabilityOptions): AnswerabilityModel {
  const names = answerabilityFeatureNames;
  const prior = options.base === undefined ? undefined : names.map((name) => options.base?.weights[name] ?? 0);
  const fit = fitLogisticRegression(
    examples.map((example) => ({ x: names.map((name) => example.features[name]), y: example.answerable ? 1 : 0, weight: example.weight ?? 1 })),
    { ...(prior === undefined ? {} : { prior }), ...(options.interceptOnly === true ? { interceptOnly: true } : {}), l2: options.l2 ?? 1 },
  );
  const weights: Partial<Record<(typeof names)[number], number>> = {};
  for (const [index, name] of names.entries()) {
    const weight = fit.coefficients[index] ?? 0;
    if (weight !== 0) weights[name] = Number(weight.toFixed(4));
  }
  const intercept = Number(fit.intercept.toFixed(4));
  const scored = examples.map((example) => ({ probability: logistic(intercept, weights, example.features), answerable: example.answerable, weight: example.weight ?? 1 }));
  const { threshold, modelThreshold } = chooseAnswerabilityThresholds(scored);
  return { version: 1, intercept, weights, threshold, modelThreshold, source: options.source };
}

function logistic(intercept: number, weights: Partial<Record<string, number>>, features: AnswerabilityFeatures): number {
  let logit = intercept;
  for (const name of answerabilityFeatureNames) logit += (weights[name] ?? 0) * features[name];
  return 1 / (1 + Math.exp(-logit));
}
