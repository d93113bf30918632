import type { AnswerabilityOutcome } from './answerability-outcome.js';

/**
 * The Brier score of answerability predictions: the mean of (predicted − outcome)², outcome 1 for an answerable
 * case and 0 for an unanswerable one (Brier 1950). 0 is perfect; always predicting 0.5 scores 0.25. 0 for no cases.
 *
 * @example
 * brierScore([{ predicted: 0.9, answerable: true }, { predicted: 0.4, answerable: false }]); // (0.01 + 0.16) / 2 = 0.085
 */
export function brierScore(outcomes: readonly AnswerabilityOutcome[]): number {
  if (outcomes.length === 0) return 0;
  const total = outcomes.reduce((sum, { predicted, answerable }) => sum + (predicted - (answerable ? 1 : 0)) ** 2, 0);
  return total / outcomes.length;
}
