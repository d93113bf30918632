import { GroundedError } from '../../core/errors.js';
import type { AnswerabilityOutcome } from './answerability-outcome.js';

/** The abstention trade-off at one threshold t of the rule "abstain when answerability < t". */
export interface AbstentionTradeoffPoint {
  readonly threshold: number;
  /** Share of answerable cases refused; null when there is no answerable case. */
  readonly overRefusal: number | null;
  /** Share of unanswerable cases refused; null when there is no unanswerable case. */
  readonly abstentionRecall: number | null;
}

/**
 * Sweeps the gate threshold t from 0 to 1 in steps of `step` (default 0.02: 51 points) and gives, for "abstain when
 * answerability < t", the over-refusal (answerable cases refused / answerable cases) and the abstention recall
 * (unanswerable cases refused / unanswerable cases). Both rise with t, from 0 at t = 0; a good predictor raises
 * recall long before over-refusal. It shows what any threshold would cost without re-running the evaluation.
 * A `step` that does not divide 1 stops at its last multiple below 1.
 *
 * @throws GroundedError `INVALID_ARGUMENT` when `step` is not in (0, 1].
 * @example
 * abstentionTradeoffCurve([{ predicted: 0.3, answerable: false }, { predicted: 0.7, answerable: true }], 0.5);
 * // [{ threshold: 0, overRefusal: 0, abstentionRecall: 0 }, { threshold: 0.5, overRefusal: 0, abstentionRecall: 1 },
 * //  { threshold: 1, overRefusal: 1, abstentionRecall: 1 }]
 */
export function abstentionTradeoffCurve(outcomes: readonly AnswerabilityOutcome[], step = 0.02): AbstentionTradeoffPoint[] {
  if (!(step > 0 && step <= 1)) throw new GroundedError('INVALID_ARGUMENT', `threshold step must be in (0, 1], got ${step}`);
  const answerable = outcomes.filter((outcome) => outcome.answerable).map((outcome) => outcome.predicted);
  const unanswerable = outcomes.filter((outcome) => !outcome.answerable).map((outcome) => outcome.predicted);
  const refused = (predictions: readonly number[], threshold: number): number | null =>
    predictions.length === 0 ? null : predictions.filter((predicted) => predicted < threshold).length / predictions.length;
  const steps = Math.floor(1 / step + 1e-9);
  // Thresholds from the step index, rounded, so 0.02 * 3 is 0.06 and not 0.060000000000000005, and 1 is reached.
  return Array.from({ length: steps + 1 }, (_, index) => {
    const threshold = Number((index * step).toPrecision(12));
    return { threshold, overRefusal: refused(answerable, threshold), abstentionRecall: refused(unanswerable, threshold) };
  });
}
