/** A fitted probability with its label and weight. */
export interface ScoredQuestion {
  readonly probability: number;
  readonly answerable: boolean;
  readonly weight?: number;
}

/**
 * Largest share of answerable questions the offline gate may refuse on the fitting data. Users judge a support bot
 * first by whether it answers what the documents hold; the bar is 10% on unseen sets, so the fit aims under it.
 */
export const targetOverRefusal = 0.08;
/** Largest share of answerable questions kept from a configured model (it decides better than the gate). */
export const targetModelOverRefusal = 0.02;

/**
 * The two decision thresholds on fitted probabilities: `threshold` (offline answerer) is the highest cut whose
 * weighted over-refusal stays within {@link targetOverRefusal}, so abstention recall is as high as that allows;
 * `modelThreshold` (before calling a model) the highest within {@link targetModelOverRefusal}. Both are rounded to
 * 0.01 and `modelThreshold <= threshold`.
 *
 * @example
 * chooseAnswerabilityThresholds([{ probability: 0.9, answerable: true }, { probability: 0.1, answerable: false }]);
 */
export function chooseAnswerabilityThresholds(scored: readonly ScoredQuestion[]): { threshold: number; modelThreshold: number } {
  const threshold = highestWithin(scored, targetOverRefusal);
  return { threshold, modelThreshold: Math.min(threshold, highestWithin(scored, targetModelOverRefusal)) };
}

function highestWithin(scored: readonly ScoredQuestion[], maxOverRefusal: number): number {
  const answerable = scored.filter((question) => question.answerable);
  const total = answerable.reduce((sum, question) => sum + (question.weight ?? 1), 0);
  if (total === 0) return 0;
  let best = 0;
  for (let step = 1; step <= 99; step += 1) {
    const cut = step / 100;
    const refused = answerable.filter((question) => question.probability < cut).reduce((sum, question) => sum + (question.weight ?? 1), 0);
    if (refused / total <= maxOverRefusal) best = cut;
    else break;
  }
  return best;
}
