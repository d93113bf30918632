import type { CaseRecord, EvalRunReport, FailureKind } from './eval-run-report.js';
import { pairedBootstrap } from './metrics/paired-bootstrap.js';

/** One metric compared across two runs on the cases they share. */
export interface MetricDelta {
  readonly metric: string;
  /** Cases the metric applies to in both runs. */
  readonly cases: number;
  readonly before: number;
  readonly after: number;
  /** after - before, with its paired-bootstrap 95% interval. */
  readonly delta: number;
  readonly low: number;
  readonly high: number;
  /** The whole interval is below zero: worse beyond noise. */
  readonly regressed: boolean;
  /** The whole interval is above zero. */
  readonly improved: boolean;
}

/** A case that passed in one run and failed in the other. */
export interface FlippedCase {
  readonly id: string;
  readonly question: string;
  readonly before: FailureKind | 'pass';
  readonly after: FailureKind | 'pass';
}

/** What `eval diff` reports. */
export interface RunComparison {
  readonly before: string;
  readonly after: string;
  readonly sharedCases: number;
  readonly metrics: readonly MetricDelta[];
  readonly flipped: readonly FlippedCase[];
}

/** Per-case scores compared by `eval diff`; undefined where the metric does not apply to a case. */
export const comparableMetrics: Readonly<Record<string, (record: CaseRecord) => number | undefined>> = {
  passRate: (record) => (record.failure === null ? 1 : 0),
  recallAt1: (record) => (record.evidence.length > 0 ? record.scores.recallAt1 : undefined),
  recallAt5: (record) => (record.evidence.length > 0 ? record.scores.recallAt5 : undefined),
  recallAt10: (record) => (record.evidence.length > 0 ? record.scores.recallAt10 : undefined),
  mrrAt10: (record) => (record.evidence.length > 0 ? record.scores.mrrAt10 : undefined),
  ndcgAt10: (record) => (record.evidence.length > 0 ? record.scores.ndcgAt10 : undefined),
  correct: (record) => (hasAnswers(record) ? record.scores.correct : undefined),
  f1: (record) => (hasAnswers(record) ? record.scores.f1 : undefined),
  exact: (record) => (hasAnswers(record) ? record.scores.exact : undefined),
  abstentionAccuracy: (record) => (record.abstained === (record.kind === 'unanswerable') ? 1 : 0),
  citationPrecision: (record) => record.scores.citationPrecision ?? undefined,
  faithfulness: (record) => record.scores.faithfulness ?? undefined,
};

function hasAnswers(record: CaseRecord): boolean {
  return record.kind !== 'unanswerable' && record.expectedAnswers.length > 0;
}

/**
 * Compares two runs case by case (cases matched by id): per-metric deltas with paired-bootstrap 95% intervals,
 * and the cases that flipped between pass and fail. Deterministic (seeded bootstrap).
 *
 * @example
 * const comparison = compareRuns(baseline, candidate);
 * const regressed = comparison.metrics.filter((metric) => metric.regressed);
 */
export function compareRuns(before: EvalRunReport, after: EvalRunReport, options: { iterations?: number } = {}): RunComparison {
  const afterById = new Map(after.perCase.map((record) => [record.id, record]));
  const pairs = before.perCase.flatMap((record) => {
    const other = afterById.get(record.id);
    return other === undefined ? [] : [[record, other] as const];
  });
  const metrics = Object.entries(comparableMetrics).flatMap(([metric, score]) => {
    const a: number[] = [];
    const b: number[] = [];
    for (const [first, second] of pairs) {
      const x = score(first);
      const y = score(second);
      if (x !== undefined && y !== undefined) {
        a.push(x);
        b.push(y);
      }
    }
    if (a.length === 0) return [];
    const interval = pairedBootstrap(a, b, { iterations: options.iterations ?? 2000, seed: 17 });
    const mean = (values: number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;
    return [
      {
        metric,
        cases: a.length,
        before: mean(a),
        after: mean(b),
        delta: interval.delta,
        low: interval.low,
        high: interval.high,
        regressed: interval.high < 0,
        improved: interval.low > 0,
      },
    ];
  });
  const flipped = pairs
    .filter(([first, second]) => (first.failure === null) !== (second.failure === null))
    .map(([first, second]) => ({
      id: first.id,
      question: first.question,
      before: first.failure ?? ('pass' as const),
      after: second.failure ?? ('pass' as const),
    }));
  return { before: before.runId, after: after.runId, sharedCases: pairs.length, metrics, flipped };
}
