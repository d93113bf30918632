import { answerabilityFeatureNames, type AnswerabilityFeatureName, type AnswerabilityFeatures } from '../core/answerability-features.js';
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
  /** The features allowed to carry weight; default all. The others keep weight 0 (or `base`'s, with `interceptOnly`). */
  readonly features?: readonly AnswerabilityFeatureName[];
}

/**
 * Fits the answerability model: a logistic regression of "answerable" on the signals, then the two thresholds on
 * the fitted probabilities (see {@link chooseAnswerabilityThresholds}).
 *
 * @example
 * const model = fitAnswerabilityModel(examples, { source: 'shipped: squad, clapnq, traefik, nats' });
 */
export function fitAnswerabilityModel(examples: readonly AnswerabilityExample[], options: FitAnswerabilityOptions): AnswerabilityModel {
  let names: readonly AnswerabilityFeatureName[] = options.interceptOnly === true || options.features === undefined ? answerabilityFeatureNames : options.features;
  // Active set: a signal whose fitted weight has the wrong sign (more evidence lowering answerability) is an artefact
  // of correlated signals in the sample; it is dropped and the rest refitted, until every sign holds.
  let fit: { intercept: number; coefficients: number[] };
  for (;;) {
    const prior = options.base === undefined ? undefined : names.map((name) => options.base?.weights[name] ?? 0);
    fit = fitLogisticRegression(
      examples.map((example) => ({ x: names.map((name) => example.features[name]), y: example.answerable ? 1 : 0, weight: example.weight ?? 1 })),
      { ...(prior === undefined ? {} : { prior }), ...(options.interceptOnly === true ? { interceptOnly: true } : {}), l2: options.l2 ?? 1 },
    );
    if (options.interceptOnly === true) break;
    const current = names;
    const kept = current.filter((name, index) => (expectedSign[name] ?? 0) * (fit.coefficients[index] ?? 0) >= 0);
    if (kept.length === current.length) break;
    names = kept;
  }
  const weights: Partial<Record<AnswerabilityFeatureName, number>> = {};
  for (const [index, name] of names.entries()) {
    const weight = fit.coefficients[index] ?? 0;
    if (weight !== 0) weights[name] = Number(weight.toFixed(4));
  }
  const intercept = Number(fit.intercept.toFixed(4));
  const scored = examples.map((example) => ({ probability: logistic(intercept, weights, example.features), answerable: example.answerable, weight: example.weight ?? 1 }));
  const { threshold, modelThreshold } = chooseAnswerabilityThresholds(scored);
  return { version: 1, intercept, weights, threshold, modelThreshold, source: options.source };
}

/**
 * The direction each signal may move answerability: more coverage, more of the question known, higher scores and a
 * value of the asked kind raise it; a clear winner and a wide spread (NQC) mean a query that works (Shtok et al. 2012); a name the
 * knowledge base never mentions lowers it.
 */
const expectedSign: Partial<Record<AnswerabilityFeatureName, 1 | -1>> = {
  coverageBest: 1,
  coverageUnion: 1,
  coverageTitle: 1,
  coverageSpecific: 1,
  foundInCorpus: 1,
  absentName: -1,
  topScoreRatio: 1,
  meanTopRatio: 1,
  scoreGap: 1,
  scoreSpread: 1,
  typedValueFound: 1,
  denseTop: 1,
  agreement: 1,
  rerankTop: 1,
};

function logistic(intercept: number, weights: Partial<Record<string, number>>, features: AnswerabilityFeatures): number {
  let logit = intercept;
  for (const name of answerabilityFeatureNames) logit += (weights[name] ?? 0) * features[name];
  return 1 / (1 + Math.exp(-logit));
}
