import type { EvalRunReport, MetricGroups } from '../app/evaluation-types.js';
import { failureKinds } from '../app/evaluation-types.js';

const pct = (value: number): string => `${(value * 100).toFixed(1)}%`;

/**
 * The readable form of an evaluation run: failure attribution first, then the headline metrics and per-kind rows,
 * synthesis recall@5, the two abstention gates and the answerability calibration (each when the run has it).
 *
 * @example
 * io.stdout(formatEvalSummary(report));
 */
export function formatEvalSummary(report: EvalRunReport): string {
  const answerer = parseAnswerer(report.fingerprint.answerer);
  const lines = [
    `run ${report.runId}  kb '${report.kb}'  ${report.cases} cases  (${report.golden})`,
    `retrieval ${retrievalPreset(report.fingerprint.retriever)}; answerer ${answerer.provider ?? '?'}${answerer.model === undefined ? '' : ` ${answerer.model}`}, strategy ${answerer.strategy ?? 'rag'}`,
    '',
    'failures by stage:',
    ...failureKinds.map((kind) => `  ${kind.padEnd(22)} ${String(report.failures[kind]).padStart(5)}`),
    `  ${'passed'.padEnd(22)} ${String(report.cases - Object.values(report.failures).reduce((a, b) => a + b, 0)).padStart(5)}`,
    '',
    metricLine('all', report),
    ...Object.entries(report.byKind).map(([kind, groups]) => metricLine(kind, groups)),
    ...(report.retrieval.synthesisRecallAt5 === undefined
      ? []
      : [`synthesis recall@5 ${pct(report.retrieval.synthesisRecallAt5)} (share of each synthesis case's sources in the top 5, ` +
          `${report.byKind['synthesis']?.retrieval.cases ?? 0} cases)`]),
    ...(report.gates === undefined ? [] : [gatesLine(report.gates)]),
    ...(report.answerabilityCalibration === undefined
      ? []
      : [`answerability calibration: Brier ${report.answerabilityCalibration.brier.toFixed(3)} over ${report.answerabilityCalibration.cases} cases`]),
    '',
    `latency p50 ${report.latency.p50Ms.toFixed(1)} ms, p95 ${report.latency.p95Ms.toFixed(1)} ms` +
      (report.behaviour.cases > 0 ? `; behaviour checks pass ${pct(report.behaviour.passRate)} of ${report.behaviour.cases} cases` : ''),
    ...(report.faithfulness.judged === undefined
      ? []
      : [
          `judged faithfulness ${pct(report.faithfulness.judged)} (${report.fingerprint.judge ?? 'judge'}; ` +
            `runs ${(report.faithfulness.judgedRuns ?? []).map(pct).join(', ')}, std ${(report.faithfulness.judgedSpread?.std ?? 0).toFixed(3)})`,
        ]),
    ...(report.cost.modelCalls > 0
      ? [
          `model calls ${report.cost.modelCalls}: ${report.cost.inputTokens} tokens in (${report.cost.cachedInputTokens} cached), ` +
            `${report.cost.outputTokens} out, ${report.cost.usd === null ? 'cost unknown (no price configured)' : `$${report.cost.usd.toFixed(4)}`}`,
        ]
      : []),
  ];
  return `${lines.join('\n')}\n`;
}

function metricLine(label: string, groups: MetricGroups): string {
  const retrieval =
    groups.retrieval.cases === 0
      ? 'recall@5 n/a  nDCG@10 n/a'
      : `recall@5 ${pct(groups.retrieval.recallAt5)}  nDCG@10 ${groups.retrieval.ndcgAt10.toFixed(3)}`;
  const answers =
    groups.answer.cases === 0 ? 'correct n/a  F1 n/a' : `correct ${pct(groups.answer.correct)}  F1 ${groups.answer.f1.toFixed(3)}`;
  return (
    `${label.padEnd(13)} n=${String(groups.cases).padEnd(5)} ${retrieval}  ${answers}  ` +
    `abstain F1 ${groups.abstention.f1.toFixed(3)}  over-refusal ${pct(groups.abstention.overRefusal)}  ` +
    `citations P ${pct(groups.citations.precision)} R ${pct(groups.citations.recall)}`
  );
}

function gatesLine(gates: NonNullable<MetricGroups['gates']>): string {
  const precision = (value: number | null): string => (value === null ? '' : ` (precision ${value.toFixed(2)})`);
  const reached = gates.reachedModel === null ? '' : `; ${pct(gates.reachedModel)} of answerable questions reached the answerer`;
  return (
    `gates: answerability gate abstained ${gates.gateAbstentions}${precision(gates.gatePrecision)}, ` +
    `answerer abstained ${gates.modelAbstentions}${precision(gates.modelPrecision)}${reached}`
  );
}

function parseAnswerer(fingerprint: string): { provider?: string; model?: string; strategy?: string } {
  try {
    const parsed = JSON.parse(fingerprint) as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as { provider?: string }) : {};
  } catch {
    return {};
  }
}

function retrievalPreset(fingerprint: string): string {
  try {
    const parsed = JSON.parse(fingerprint) as { preset?: unknown };
    return typeof parsed.preset === 'string' ? parsed.preset : 'custom';
  } catch {
    return 'custom';
  }
}
