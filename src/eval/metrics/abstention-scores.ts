/** One case's abstention outcome: what the case called for and what the system did. */
export interface AbstentionOutcome {
  readonly shouldAbstain: boolean;
  readonly abstained: boolean;
}

/** Abstention treated as a binary prediction ("abstain" is the positive class), plus the over-refusal rate. */
export interface AbstentionScores {
  /** Of the cases the system abstained on, the share that called for abstaining. */
  readonly precision: number;
  /** Of the cases that called for abstaining (unanswerable), the share the system abstained on. */
  readonly recall: number;
  /** Harmonic mean of precision and recall. */
  readonly f1: number;
  /** Of the cases that called for an answer, the share the system abstained on. */
  readonly overRefusal: number;
}

/**
 * Precision, recall and F1 of abstaining, and the over-refusal rate, over a set of cases.
 *
 * With TP = abstained on an unanswerable case, FP = abstained on an answerable one, FN = answered an unanswerable one:
 * precision = TP / (TP + FP), recall = TP / (TP + FN), F1 = 2PR / (P + R), over-refusal = FP / answerable cases.
 *
 * 0/0 conventions (never NaN):
 * - precision when the system never abstained, and recall when no case was unanswerable: 1 when nothing was
 *   predicted and nothing should have been (no abstention and no unanswerable case: the behaviour is perfect),
 *   else 0 (missed every unanswerable case, or abstained where none was called for). A slice of answerable cases
 *   that the system all answered must not read as an abstention failure, and one where it refused some must.
 * - F1 is 0 when precision + recall is 0.
 * - over-refusal is 0 when there is no answerable case (nothing could be refused wrongly).
 * So an empty list, or only answerable cases all answered, gives precision = recall = F1 = 1 and over-refusal 0.
 *
 * @example
 * abstentionScores([
 *   { shouldAbstain: true, abstained: true },
 *   { shouldAbstain: true, abstained: false },
 *   { shouldAbstain: false, abstained: true },
 *   { shouldAbstain: false, abstained: false },
 * ]); // { precision: 0.5, recall: 0.5, f1: 0.5, overRefusal: 0.5 }
 */
export function abstentionScores(outcomes: readonly AbstentionOutcome[]): AbstentionScores {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  let answerable = 0;
  for (const { shouldAbstain, abstained } of outcomes) {
    if (!shouldAbstain) answerable += 1;
    if (abstained && shouldAbstain) truePositives += 1;
    else if (abstained) falsePositives += 1;
    else if (shouldAbstain) falseNegatives += 1;
  }
  const nothingPredictedOrExpected = truePositives + falsePositives + falseNegatives === 0 ? 1 : 0;
  const predicted = truePositives + falsePositives;
  const expected = truePositives + falseNegatives;
  const precision = predicted === 0 ? nothingPredictedOrExpected : truePositives / predicted;
  const recall = expected === 0 ? nothingPredictedOrExpected : truePositives / expected;
  return {
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    overRefusal: answerable === 0 ? 0 : falsePositives / answerable,
  };
}
