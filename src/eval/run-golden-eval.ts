import type { Answer } from '../core/answer.js';
import type { ChatModel, ChatUsage } from '../core/chat-model.js';
import type { ScoredChunk } from '../core/document.js';
import type { EvidenceSpan, GoldenCase } from '../core/golden-case.js';
import { aggregateMetrics } from './aggregate-metrics.js';
import { answerabilityCalibration } from './answerability-calibration.js';
import { attributeFailure } from './attribute-failure.js';
import { runChecks } from './checks/run-checks.js';
import { resolveEvidence } from './datasets/validate-golden-set.js';
import type { CaseRecord, EvalRunReport, MetricGroups } from './eval-run-report.js';
import { answerCorrectness, exactMatch, tokenF1 } from './metrics/answer-correctness.js';
import { citationScores } from './metrics/citation-scores.js';
import { judgedFaithfulness } from './metrics/judged-faithfulness.js';
import { lexicalFaithfulness } from './metrics/lexical-faithfulness.js';
import { spanRetrievalScores } from './metrics/span-retrieval-scores.js';

/** The system under test, as the evaluation sees it. */
export interface GoldenEvalSystem {
  /** The best chunks for a question, best first. */
  retrieve(question: string, k: number): Promise<readonly ScoredChunk[]> | readonly ScoredChunk[];
  /**
   * A cited answer or an abstention, with timings (and usage when a model answered). A system with an abstention
   * gate also says what it predicted and who abstained: `answerability` (probability, in [0, 1], that it answers the
   * question), `abstainedBy` (`gate` before any model call, `model` when the answerer refused) and `calledModel`.
   * Absent fields are recorded as null (false for `calledModel`).
   */
  answer(question: string): Promise<
    Answer & {
      readonly usage?: ChatUsage | null;
      readonly costUsd?: number | null;
      readonly answerability?: number | null;
      readonly abstainedBy?: 'gate' | 'model' | null;
      readonly calledModel?: boolean;
    }
  >;
  /** A stored document's normalized text, or undefined for an unknown document. */
  documentText(doc: string): string | undefined;
}

/** A case source that could not be resolved, reported next to the results. */
export interface EvidenceProblem {
  readonly caseId: string;
  readonly doc: string;
  readonly reason: string;
}

/** The scored cases and their aggregates, before run metadata (id, fingerprint) is attached. */
export type GoldenEvalResult = Pick<EvalRunReport, keyof MetricGroups | 'answerabilityCalibration' | 'byKind' | 'byTag' | 'perCase'> & {
  readonly problems: readonly EvidenceProblem[];
};

/** How many chunks retrieval is scored on; recall@10 and nDCG@10 need ten. */
const retrievalDepth = 10;

/**
 * Runs every golden case through the system and scores it: retrieval on document spans, answer correctness,
 * abstention (and which gate abstained), citations, offline faithfulness and behaviour checks; attributes each
 * failure to a stage; aggregates overall, by kind and by tag; and, when the system predicts answerability, measures
 * that prediction's calibration over the run. Deterministic when the system is.
 *
 * @param answerDepth passages the answerer reads: evidence beyond it counts as a retrieval miss in attribution.
 * @example
 * const result = runGoldenEval(cases, { retrieve, answer, documentText }, { answerDepth: 5 });
 */
export async function runGoldenEval(
  cases: readonly GoldenCase[],
  system: GoldenEvalSystem,
  options: {
    readonly answerDepth: number;
    /** Judge every answer's claim-level faithfulness with this model, `repeats` times (default 1). */
    readonly judge?: { readonly model: ChatModel; readonly repeats?: number };
  },
): Promise<GoldenEvalResult> {
  const problems: EvidenceProblem[] = [];
  // One case at a time: latency figures stay per request, and a rate-limited provider is not flooded.
  const perCase: CaseRecord[] = [];
  for (const golden of cases) {
    const record = await evaluateCase(golden, system, options.answerDepth, problems);
    perCase.push(options.judge === undefined ? record : await judgeCase(record, system, options.answerDepth, options.judge));
  }
  const calibration = answerabilityCalibration(perCase);
  return {
    ...aggregateMetrics(perCase),
    ...(calibration === undefined ? {} : { answerabilityCalibration: calibration }),
    byKind: groupBy(perCase, (record) => [record.kind]),
    byTag: groupBy(perCase, (record) => record.tags),
    perCase,
    problems,
  };
}

async function evaluateCase(
  golden: GoldenCase,
  system: GoldenEvalSystem,
  answerDepth: number,
  problems: EvidenceProblem[],
): Promise<CaseRecord> {
  const evidence = resolveCaseEvidence(golden, system, problems);
  const retrieved = (await system.retrieve(golden.question, retrievalDepth)).map(({ chunk, rank }) => ({
    doc: chunk.doc,
    start: chunk.start,
    end: chunk.end,
    rank,
  }));
  const retrieval = anySourceForAnswerable(golden, spanRetrievalScores(retrieved, evidence));
  const answer = await system.answer(golden.question);
  const text = answer.abstained ? '' : answer.answer;
  const plain = text.replace(/\s*\[\d+\]/g, '').trim();
  const applicable = golden.kind !== 'unanswerable' && golden.answers.length > 0;
  const correct = applicable && !answer.abstained ? answerCorrectness(plain, golden.answers, golden.kind) : 0;
  const citations = citationScores(answer.citations, evidence, golden.answers);
  const checks = runChecks(text, golden.checks ?? []);
  const evidenceRecall = anySourceForAnswerable(golden, spanRetrievalScores(retrieved.slice(0, answerDepth), evidence)).recallAt10;
  return {
    id: golden.id,
    question: golden.question,
    kind: golden.kind,
    tags: golden.tags ?? [],
    expectedAnswers: golden.answers,
    evidence,
    answer: answer.answer,
    abstained: answer.abstained,
    answerability: answer.answerability ?? null,
    abstainedBy: answer.abstainedBy ?? null,
    calledModel: answer.calledModel ?? false,
    citations: answer.citations,
    retrieved: retrieved.map((span, index) => ({ ...span, relevant: retrieval.relevant[index] ?? false })),
    scores: {
      recallAt1: retrieval.recallAt1,
      recallAt5: retrieval.recallAt5,
      recallAt10: retrieval.recallAt10,
      mrrAt10: retrieval.mrrAt10,
      ndcgAt10: retrieval.ndcgAt10,
      correct,
      f1: applicable ? tokenF1(plain, golden.answers) : 0,
      exact: applicable ? exactMatch(plain, golden.answers) : 0,
      citationPrecision: citations.precision,
      citationRecall: golden.kind === 'unanswerable' ? null : citations.recall,
      faithfulness: lexicalFaithfulness(text, answer.citations),
    },
    checks,
    failure: attributeFailure({
      kind: golden.kind,
      abstained: answer.abstained,
      hasAnswers: applicable,
      evidenceRecall,
      correct,
      citationPrecision: citations.precision,
      checks,
    }),
    latencyMs: { retrieve: answer.timings.retrieveMs, generate: answer.timings.generateMs, total: answer.timings.totalMs },
    usage: answer.usage ?? null,
    costUsd: answer.costUsd ?? 0,
  };
}

/** Adds judged faithfulness: the answer's claims checked against the passages the answerer read. */
async function judgeCase(
  record: CaseRecord,
  system: GoldenEvalSystem,
  answerDepth: number,
  judge: { readonly model: ChatModel; readonly repeats?: number },
): Promise<CaseRecord> {
  const context = record.retrieved
    .slice(0, answerDepth)
    .map((span) => system.documentText(span.doc)?.slice(span.start, span.end) ?? '')
    .join('\n\n');
  const runs: (number | null)[] = [];
  for (let repeat = 0; repeat < (judge.repeats ?? 1); repeat += 1) {
    runs.push(record.abstained ? null : (await judgedFaithfulness(record.answer, context, judge.model)).score);
  }
  return { ...record, scores: { ...record.scores, judgedFaithfulness: runs } };
}

/**
 * The spec scores an `answerable` case as found when any of its sources is found (alternative evidence); only
 * `synthesis` cases, which need every source, report the share found.
 */
function anySourceForAnswerable<T extends { recallAt1: number; recallAt5: number; recallAt10: number }>(golden: GoldenCase, scores: T): T {
  if (golden.kind !== 'answerable') return scores;
  const any = (recall: number): number => (recall > 0 ? 1 : 0);
  return { ...scores, recallAt1: any(scores.recallAt1), recallAt5: any(scores.recallAt5), recallAt10: any(scores.recallAt10) };
}

function resolveCaseEvidence(
  golden: GoldenCase,
  system: GoldenEvalSystem,
  problems: EvidenceProblem[],
): (EvidenceSpan & { quote: string })[] {
  const evidence: (EvidenceSpan & { quote: string })[] = [];
  for (const source of golden.sources) {
    const text = system.documentText(source.doc);
    if (text === undefined) {
      problems.push({ caseId: golden.id, doc: source.doc, reason: 'document not in the knowledge base' });
      continue;
    }
    let span = resolveEvidence(source, text);
    if (span === undefined) {
      problems.push({ caseId: golden.id, doc: source.doc, reason: 'quote not found in the document; using the whole document' });
      span = { start: 0, end: text.length };
    }
    evidence.push({ doc: source.doc, ...span, quote: text.slice(span.start, span.end) });
  }
  return evidence;
}

function groupBy(records: readonly CaseRecord[], keys: (record: CaseRecord) => readonly string[]): Record<string, MetricGroups> {
  const groups = new Map<string, CaseRecord[]>();
  for (const record of records) {
    for (const key of keys(record)) groups.set(key, [...(groups.get(key) ?? []), record]);
  }
  return Object.fromEntries([...groups].sort(([a], [b]) => a.localeCompare(b)).map(([key, group]) => [key, aggregateMetrics(group)]));
}
