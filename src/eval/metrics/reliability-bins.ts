import type { AnswerabilityOutcome } from './answerability-outcome.js';

/** One bin of a reliability diagram: predictions in [lower, upper) (the last bin includes 1). */
export interface ReliabilityBin {
  readonly lower: number;
  readonly upper: number;
  /** Cases whose prediction falls in the bin. */
  readonly count: number;
  /** Mean prediction of those cases; null for an empty bin. */
  readonly meanPredicted: number | null;
  /** Share of those cases that are answerable; null for an empty bin. */
  readonly observedAnswerable: number | null;
}

/**
 * Reliability bins of answerability predictions: `binCount` equal-width bins over [0, 1] (default 10, the usual
 * choice for a reliability diagram, e.g. Niculescu-Mizil & Caruana 2005), each with its case count, mean prediction
 * and observed share of answerable cases. A well-calibrated predictor has observed ≈ mean predicted in every bin.
 * Predictions are clamped to [0, 1]; a prediction of exactly 1 falls in the last bin; non-finite ones are left out.
 *
 * @example
 * reliabilityBins([{ predicted: 0.05, answerable: false }, { predicted: 0.92, answerable: true }]);
 * // bin 0: { lower: 0, upper: 0.1, count: 1, meanPredicted: 0.05, observedAnswerable: 0 }, ...,
 * // bin 9: { lower: 0.9, upper: 1, count: 1, meanPredicted: 0.92, observedAnswerable: 1 }
 */
export function reliabilityBins(outcomes: readonly AnswerabilityOutcome[], binCount = 10): ReliabilityBin[] {
  const sums = Array.from({ length: binCount }, () => ({ count: 0, predicted: 0, answerable: 0 }));
  for (const { predicted, answerable } of outcomes) {
    const clamped = Math.min(1, Math.max(0, predicted));
    const sum = sums[Math.min(binCount - 1, Math.floor(clamped * binCount))];
    if (sum === undefined) continue;
    sum.count += 1;
    sum.predicted += clamped;
    if (answerable) sum.answerable += 1;
  }
  // Rounded edges keep 3 / 10 from showing as 0.30000000000000004.
  const edge = (index: number): number => Number((index / binCount).toPrecision(12));
  return sums.map((sum, index) => ({
    lower: edge(index),
    upper: edge(index + 1),
    count: sum.count,
    meanPredicted: sum.count === 0 ? null : sum.predicted / sum.count,
    observedAnswerable: sum.count === 0 ? null : sum.answerable / sum.count,
  }));
}
