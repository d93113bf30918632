import { aggregateMetrics } from '../eval/aggregate-metrics.js';
import type { CaseRecord, EvalRunReport } from '../eval/eval-run-report.js';
import type { AdviceEvidence, SliceEvidence, TrafficEvidence } from './advice-report.js';

/** What {@link extractEvidence} reads besides the eval runs. */
export interface EvidenceSources {
  /** The latest run of each golden set, newest first; empty when the knowledge base has none. */
  readonly runs: readonly EvalRunReport[];
  /** Measured size of the knowledge base; null when there is none. */
  readonly knowledge: { readonly tokens: number; readonly documents: number; readonly chunks: number } | null;
  /** Production traffic from traces; null until traces are recorded. */
  readonly traffic?: TrafficEvidence | null;
}

/**
 * Characters per token for the context estimate: OpenAI's rule of thumb for English text ("one token is roughly
 * 4 characters"). The estimate is used only when no model call recorded its real token usage.
 */
const charactersPerToken = 4;
/** Tokens of the prompt around the passages (behaviour layer, source numbering, question framing), approximate. */
const promptOverheadTokens = 250;
/** Passages the answerer reads when the run's fingerprint does not say (the config default). */
const defaultAnswerPassages = 5;

/**
 * Turns stored eval runs into the advisor's evidence: the failure mix (retrieval, generation, citation, behaviour
 * misses, abstention errors) overall, per golden kind and per tag; retrieval and generation p95 latency; input
 * tokens per request (the models' recorded usage, else the characters of the passages the answerer read / 4 plus
 * the prompt's own ~250 tokens); output tokens (recorded, else answer length / 4); measured model cost per case.
 * Cases of several runs (one per golden set) are pooled. Nothing is invented: what was not measured is null.
 *
 * @example
 * const evidence = extractEvidence({ runs: [loadEvalRun(store, 'docs', 'latest')], knowledge: null });
 * evidence.slices[0]?.failures['retrieval-miss'];
 */
export function extractEvidence(sources: EvidenceSources): AdviceEvidence {
  const records = sources.runs.flatMap((run) => run.perCase);
  const runs = sources.runs.map((run) => ({ runId: run.runId, golden: run.golden, createdAt: run.createdAt, cases: run.cases }));
  const base = { runs, knowledge: sources.knowledge, traffic: sources.traffic ?? null };
  if (records.length === 0) {
    return {
      ...base,
      strategy: null,
      slices: [],
      latency: null,
      contextTokensPerRequest: null,
      contextTokensSource: null,
      outputTokensPerRequest: null,
      answerCostUsdPerRequest: null,
    };
  }
  const overall = aggregateMetrics(records);
  const answerer = parseSettings(sources.runs[0]?.fingerprint.answerer);
  const passages = typeof answerer['passages'] === 'number' ? answerer['passages'] : defaultAnswerPassages;
  const modelUsage = overall.cost.modelCalls > 0 && overall.cost.inputTokens > 0;
  const answered = records.filter((record) => !record.abstained);
  return {
    ...base,
    strategy: typeof answerer['strategy'] === 'string' ? answerer['strategy'] : 'rag',
    slices: slicesOf(records),
    latency: { retrieveP95Ms: overall.latency.retrieveP95Ms, generateP95Ms: overall.latency.generateP95Ms, totalP95Ms: overall.latency.p95Ms },
    // Every case retrieved its passages, abstained or not: the prompt it would send is measurable either way.
    contextTokensPerRequest: modelUsage
      ? Math.round(overall.cost.inputTokens / overall.cost.modelCalls)
      : Math.round(mean(records.map((record) => estimatedPromptTokens(record, passages)))),
    contextTokensSource: modelUsage ? 'model-usage' : 'retrieved-passages',
    outputTokensPerRequest: modelUsage
      ? Math.round(overall.cost.outputTokens / overall.cost.modelCalls)
      : answered.length === 0
        ? null
        : Math.round(mean(answered.map((record) => record.answer.length / charactersPerToken))),
    answerCostUsdPerRequest: modelUsage && overall.cost.usd !== null ? overall.cost.usd / records.length : null,
  };
}

function estimatedPromptTokens(record: CaseRecord, passages: number): number {
  const characters = record.retrieved
    .filter((chunk) => chunk.rank <= passages)
    .reduce((sum, chunk) => sum + (chunk.end - chunk.start), record.question.length);
  return characters / charactersPerToken + promptOverheadTokens;
}

function slicesOf(records: readonly CaseRecord[]): SliceEvidence[] {
  const groups = new Map<string, CaseRecord[]>([['all', [...records]]]);
  const add = (slice: string, record: CaseRecord): void => {
    const group = groups.get(slice);
    if (group === undefined) groups.set(slice, [record]);
    else group.push(record);
  };
  for (const record of records) add(`kind:${record.kind}`, record);
  for (const record of records) for (const tag of record.tags) add(`tag:${tag}`, record);
  const order = (slice: string): number => (slice === 'all' ? 0 : slice.startsWith('kind:') ? 1 : 2);
  return [...groups.entries()]
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
    .map(([slice, group]) => sliceOf(slice, group));
}

function sliceOf(slice: string, records: readonly CaseRecord[]): SliceEvidence {
  const metrics = aggregateMetrics(records);
  return {
    slice,
    cases: metrics.cases,
    failed: records.filter((record) => record.failure !== null).length,
    failures: metrics.failures,
    retrievalCases: metrics.retrieval.cases,
    recallAt5: metrics.retrieval.recallAt5,
    recallAt10: metrics.retrieval.recallAt10,
    mrrAt10: metrics.retrieval.mrrAt10,
    behaviourCases: metrics.behaviour.cases,
    behaviourPassRate: metrics.behaviour.passRate,
    failingChecks: Object.fromEntries(
      Object.entries(metrics.behaviour.byType)
        .filter(([, entry]) => entry.passRate < 1)
        .map(([type, entry]) => [type, entry.passRate]),
    ),
  };
}

function parseSettings(text: string | undefined): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text ?? '{}');
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}
