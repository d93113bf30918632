import { answerabilityFeatureNames, type AnswerabilityFeatures } from '../../core/answerability-features.js';
import type { AnswerabilityModel } from '../../core/answerability-model.js';

/**
 * The model's probability that the question is answerable from the passages: the logistic function of the intercept
 * plus the weighted features.
 *
 * @example
 * predictAnswerability(defaultAnswerabilityModel, features); // 0.87
 */
export function predictAnswerability(model: Pick<AnswerabilityModel, 'intercept' | 'weights'>, features: AnswerabilityFeatures): number {
  let logit = model.intercept;
  for (const name of answerabilityFeatureNames) logit += (model.weights[name] ?? 0) * features[name];
  return 1 / (1 + Math.exp(-logit));
}
