import type { AnswerabilityCalibration, CaseRecord } from './eval-run-report.js';
import { abstentionTradeoffCurve } from './metrics/abstention-tradeoff-curve.js';
import type { AnswerabilityOutcome } from './metrics/answerability-outcome.js';
import { brierScore } from './metrics/brier-score.js';
import { reliabilityBins } from './metrics/reliability-bins.js';

/**
 * The run's answerability calibration: reliability bins, Brier score and the abstention trade-off curve over the
 * cases whose answer carried a finite prediction (a case is answerable unless its kind is `unanswerable`).
 * Undefined when no case carries one, so a run of a system without a prediction has no calibration figures.
 *
 * @example
 * const calibration = answerabilityCalibration(report.perCase);
 * calibration?.brier; // 0.11
 */
export function answerabilityCalibration(records: readonly CaseRecord[]): AnswerabilityCalibration | undefined {
  const outcomes: AnswerabilityOutcome[] = [];
  for (const record of records) {
    // Records of runs stored before predictions were recorded have no field at all.
    const predicted = record.answerability ?? null;
    if (predicted !== null && Number.isFinite(predicted)) outcomes.push({ predicted, answerable: record.kind !== 'unanswerable' });
  }
  if (outcomes.length === 0) return undefined;
  const answerableCases = outcomes.filter((outcome) => outcome.answerable).length;
  return {
    cases: outcomes.length,
    answerableCases,
    unanswerableCases: outcomes.length - answerableCases,
    bins: reliabilityBins(outcomes),
    brier: brierScore(outcomes),
    curve: abstentionTradeoffCurve(outcomes),
  };
}
