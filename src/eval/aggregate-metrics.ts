import { abstentionScores } from './metrics/abstention-scores.js';
import { gateScores } from './metrics/gate-scores.js';
import { percentile } from './metrics/percentile.js';
import { failureKinds, type CaseRecord, type FailureKind, type MetricGroups } from './eval-run-report.js';

/**
 * Averages per-case records into the report's metric groups. Each metric averages over the cases it applies to:
 * retrieval over cases with evidence, answers over cases with accepted answers, citations and faithfulness over
 * cases where they are defined (not null), behaviour over cases with checks, abstention and latency over all.
 * A group with no applicable case is 0, never NaN. `retrieval.synthesisRecallAt5` is present only when the records
 * hold a synthesis case with evidence, and `gates` only when some record reports a gate (an answerability prediction
 * or which gate abstained).
 *
 * @example
 * const overall = aggregateMetrics(report.perCase);
 */
export function aggregateMetrics(records: readonly CaseRecord[]): MetricGroups {
  const withEvidence = records.filter((record) => record.evidence.length > 0);
  const withAnswers = records.filter((record) => record.kind !== 'unanswerable' && record.expectedAnswers.length > 0);
  const mean = (values: readonly (number | null)[]): number => {
    const defined = values.filter((value): value is number => value !== null);
    return defined.length === 0 ? 0 : defined.reduce((sum, value) => sum + value, 0) / defined.length;
  };
  const retrieval = (pick: (record: CaseRecord) => number): number => mean(withEvidence.map(pick));
  const answer = (pick: (record: CaseRecord) => number): number => mean(withAnswers.map(pick));
  const latency = (pick: (record: CaseRecord) => number, p: number): number => percentile(records.map(pick), p);
  const synthesis = withEvidence.filter((record) => record.kind === 'synthesis');
  const failures = Object.fromEntries(failureKinds.map((kind) => [kind, 0])) as Record<FailureKind, number>;
  for (const record of records) if (record.failure !== null) failures[record.failure] += 1;
  return {
    cases: records.length,
    retrieval: {
      cases: withEvidence.length,
      recallAt1: retrieval((record) => record.scores.recallAt1),
      recallAt5: retrieval((record) => record.scores.recallAt5),
      recallAt10: retrieval((record) => record.scores.recallAt10),
      mrrAt10: retrieval((record) => record.scores.mrrAt10),
      ndcgAt10: retrieval((record) => record.scores.ndcgAt10),
      ...(synthesis.length === 0 ? {} : { synthesisRecallAt5: mean(synthesis.map((record) => record.scores.recallAt5)) }),
    },
    answer: {
      cases: withAnswers.length,
      correct: answer((record) => record.scores.correct),
      f1: answer((record) => record.scores.f1),
      exact: answer((record) => record.scores.exact),
    },
    abstention: abstentionScores(
      records.map((record) => ({ shouldAbstain: record.kind === 'unanswerable', abstained: record.abstained })),
    ),
    ...gates(records),
    citations: {
      precision: mean(records.map((record) => record.scores.citationPrecision)),
      recall: mean(records.map((record) => record.scores.citationRecall)),
    },
    faithfulness: { supported: mean(records.map((record) => record.scores.faithfulness)), ...judgedFaithfulness(records) },
    behaviour: behaviourScores(records),
    latency: {
      p50Ms: latency((record) => record.latencyMs.total, 50),
      p95Ms: latency((record) => record.latencyMs.total, 95),
      retrieveP50Ms: latency((record) => record.latencyMs.retrieve, 50),
      retrieveP95Ms: latency((record) => record.latencyMs.retrieve, 95),
      generateP50Ms: latency((record) => record.latencyMs.generate, 50),
      generateP95Ms: latency((record) => record.latencyMs.generate, 95),
    },
    failures,
    cost: costOf(records),
  };
}

/** The gates group, or nothing when no record says anything about a gate (other systems, runs stored before). */
function gates(records: readonly CaseRecord[]): Pick<MetricGroups, 'gates'> {
  // `??`: records of runs stored before these fields existed lack them.
  const reported = records.some((record) => typeof record.answerability === 'number' || (record.abstainedBy ?? null) !== null);
  if (!reported) return {};
  return {
    gates: gateScores(
      records.map((record) => ({
        shouldAbstain: record.kind === 'unanswerable',
        abstainedBy: record.abstainedBy ?? null,
        calledModel: record.calledModel ?? false,
      })),
    ),
  };
}

function costOf(records: readonly CaseRecord[]): MetricGroups['cost'] {
  let usd: number | null = 0;
  const cost = { modelCalls: 0, inputTokens: 0, cachedInputTokens: 0, outputTokens: 0 };
  for (const record of records) {
    if (record.usage !== null) {
      cost.modelCalls += 1;
      cost.inputTokens += record.usage.inputTokens;
      cost.cachedInputTokens += record.usage.cachedInputTokens;
      cost.outputTokens += record.usage.outputTokens;
    }
    usd = usd === null || record.costUsd === null ? null : usd + record.costUsd;
  }
  return { ...cost, usd };
}

/** Run-level judged faithfulness per repeat (mean over judged cases), its mean and spread; {} for unjudged runs. */
function judgedFaithfulness(records: readonly CaseRecord[]): Partial<MetricGroups['faithfulness']> {
  const repeats = Math.max(0, ...records.map((record) => record.scores.judgedFaithfulness?.length ?? 0));
  if (repeats === 0) return {};
  const runs: number[] = [];
  for (let repeat = 0; repeat < repeats; repeat += 1) {
    const values = records
      .map((record) => record.scores.judgedFaithfulness?.[repeat])
      .filter((value): value is number => typeof value === 'number');
    runs.push(values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length);
  }
  const judged = runs.reduce((sum, value) => sum + value, 0) / runs.length;
  const std = Math.sqrt(runs.reduce((sum, value) => sum + (value - judged) ** 2, 0) / runs.length);
  return { judged, judgedRuns: runs, judgedSpread: { min: Math.min(...runs), max: Math.max(...runs), std } };
}

function behaviourScores(records: readonly CaseRecord[]): MetricGroups['behaviour'] {
  const checked = records.filter((record) => record.checks.length > 0);
  const byType: Record<string, { checks: number; passed: number }> = {};
  for (const record of checked) {
    for (const check of record.checks) {
      const entry = (byType[check.type] ??= { checks: 0, passed: 0 });
      entry.checks += 1;
      if (check.passed) entry.passed += 1;
    }
  }
  const passing = checked.filter((record) => record.checks.every((check) => check.passed)).length;
  return {
    cases: checked.length,
    passRate: checked.length === 0 ? 0 : passing / checked.length,
    byType: Object.fromEntries(
      Object.entries(byType).map(([type, entry]) => [type, { checks: entry.checks, passRate: entry.passed / entry.checks }]),
    ),
  };
}
