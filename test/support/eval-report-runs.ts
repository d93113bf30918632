import type { GoldenKind } from '../../src/core/golden-case.js';
import { aggregateMetrics } from '../../src/eval/aggregate-metrics.js';
import { answerabilityCalibration } from '../../src/eval/answerability-calibration.js';
import type { CaseRecord, CheckResult, EvalRunReport, FailureKind } from '../../src/eval/eval-run-report.js';

// Two runs of twelve cases for the HTML eval report's browser test: every failure kind, checks, a hostile question.

/** A question that must show as text in the report, never run. */
export const hostileQuestion = 'Does <script>window.reportInjected = 1</script> run in the report?';

/** The retrieval preset of a run. */
export type Variant = 'lexical' | 'hybrid';

/** One golden case and how each run fails it. */
export interface CaseSpec {
  readonly id: string;
  readonly kind: GoldenKind;
  readonly question: string;
  readonly answers: readonly string[];
  readonly tags: readonly string[];
  /** The failure in the lexical run, then in the hybrid run. */
  readonly failures: readonly [FailureKind | null, FailureKind | null];
  readonly checks?: readonly string[];
}

/** The twelve cases: answerable, synthesis and unanswerable. */
export const specs: readonly CaseSpec[] = [
  { id: 'a1', kind: 'answerable', question: 'What port does Harbor listen on?', answers: ['8420'], tags: ['config'], failures: [null, null] },
  { id: 'a2', kind: 'answerable', question: 'When do API tokens expire?', answers: ['90 days'], tags: ['auth'], failures: ['retrieval-miss', null] },
  { id: 'a3', kind: 'answerable', question: 'Which header carries the token?', answers: ['Authorization'], tags: ['auth'], failures: ['generation-miss', 'generation-miss'] },
  { id: 'a4', kind: 'answerable', question: 'How many replicas are the default?', answers: ['3'], tags: ['deploy'], failures: ['citation-miss', null] },
  { id: 'a5', kind: 'answerable', question: 'Summarise the backup policy briefly.', answers: ['nightly'], tags: ['ops'], failures: ['behaviour-miss', null], checks: ['max_words'] },
  { id: 'a6', kind: 'answerable', question: 'What is the log retention & rotation?', answers: ['14 days'], tags: ['ops'], failures: ['false-abstention', 'citation-miss'] },
  { id: 's1', kind: 'synthesis', question: 'Compare the two upgrade paths.', answers: ['in place', 'blue/green'], tags: ['deploy'], failures: [null, null], checks: ['must_include'] },
  { id: 's2', kind: 'synthesis', question: 'Which limits apply to uploads and downloads?', answers: ['10 MB', '50 MB'], tags: ['limits'], failures: ['retrieval-miss', 'retrieval-miss'] },
  { id: 's3', kind: 'synthesis', question: 'List the supported databases and their versions.', answers: ['Postgres 14', 'SQLite 3'], tags: ['config'], failures: ['generation-miss', null] },
  { id: 'u1', kind: 'unanswerable', question: 'Who founded the company?', answers: [], tags: ['trivia'], failures: [null, null] },
  { id: 'u2', kind: 'unanswerable', question: 'What will the 2030 pricing be?', answers: [], tags: ['pricing'], failures: ['answered-unanswerable', null] },
  { id: 'u3', kind: 'unanswerable', question: hostileQuestion, answers: [], tags: ['security'], failures: [null, null] },
];

/** The record of one case in one run, with the failure the spec gives it. */
export function caseRecord(spec: CaseSpec, variant: Variant, index: number): CaseRecord {
  const failure = spec.failures[variant === 'lexical' ? 0 : 1];
  const doc = `guides/${spec.tags[0] ?? 'misc'}.md`;
  const evidence =
    spec.kind === 'unanswerable'
      ? []
      : spec.answers.map((answer, n) => ({ doc, start: 100 * n + 40, end: 100 * n + 90, quote: `The docs say: ${answer}.` }));
  const missed = failure === 'retrieval-miss';
  // The evidence sits at rank 1, 2 or 3, so recall@1 is below recall@5 as in real runs.
  const hitRank = 1 + (index % 3);
  const retrieved = [1, 2, 3, 4, 5].map((rank) => ({
    doc: rank === hitRank && !missed && evidence.length > 0 ? doc : `guides/other-${rank}.md`,
    start: rank * 10,
    end: rank * 10 + 200,
    rank,
    relevant: rank === hitRank && !missed && evidence.length > 0,
  }));
  const abstained = spec.kind === 'unanswerable' ? failure !== 'answered-unanswerable' : failure === 'false-abstention';
  const wrong = failure === 'generation-miss' || missed || abstained;
  const answer = abstained
    ? 'I could not find this in the documents.'
    : `${wrong ? 'Probably something else' : spec.answers.join(' and ') || 'A guess'} [1].`;
  const citations = abstained ? [] : [{ n: 1, doc: failure === 'citation-miss' ? 'guides/wrong.md' : doc, start: 40, end: 90, quote: `Quoted <b>text</b> for ${spec.id}`, chunkId: `${spec.id}-chunk-1` }];
  const recall = evidence.length === 0 ? 0 : missed ? (spec.kind === 'synthesis' ? 0.5 : 0) : 1;
  const checks: CheckResult[] = (spec.checks ?? []).map((type) => ({
    type,
    passed: failure !== 'behaviour-miss',
    detail: failure === 'behaviour-miss' ? 'answer has 212 words, more than 80' : 'ok',
  }));
  // A plausible prediction: high for answerable cases, low for unanswerable ones, with the failures in between. The
  // gate refuses below 0.3; an unanswerable case it passes is refused by the answerer unless it answered it.
  const answerability = spec.kind === 'unanswerable'
    ? (failure === 'answered-unanswerable' ? 0.62 : 0.04 + 0.11 * index / specs.length + (variant === 'hybrid' ? 0.3 : 0))
    : (failure === null ? 0.78 + 0.2 * index / specs.length : 0.22 + 0.05 * index);
  const abstainedBy = !abstained ? null : answerability < 0.3 ? 'gate' : 'model';
  const retrieve = 2 + ((index * 7) % 11) + (variant === 'hybrid' ? 9 : 0);
  const generate = 4 + ((index * 13) % 37);
  return {
    id: spec.id,
    question: spec.question,
    kind: spec.kind,
    tags: spec.tags,
    expectedAnswers: spec.answers,
    evidence,
    answer,
    abstained,
    answerability,
    abstainedBy,
    calledModel: false,
    citations,
    retrieved,
    scores: {
      recallAt1: hitRank === 1 ? recall : 0,
      recallAt5: recall,
      recallAt10: evidence.length === 0 ? 0 : Math.max(recall, 0.5),
      mrrAt10: recall / hitRank,
      ndcgAt10: recall / Math.log2(hitRank + 1),
      correct: spec.answers.length === 0 || wrong ? 0 : 1,
      f1: spec.answers.length === 0 || wrong ? 0.1 : 0.85,
      exact: spec.answers.length === 0 || wrong ? 0 : 1,
      citationPrecision: abstained ? null : failure === 'citation-miss' ? 0 : 1,
      citationRecall: abstained ? null : failure === 'citation-miss' ? 0 : 1,
      faithfulness: abstained ? null : wrong ? 0.4 : 0.95,
    },
    checks,
    failure,
    latencyMs: { retrieve, generate, total: retrieve + generate },
    usage: null,
    costUsd: 0,
  };
}

/** A realistic run of the twelve cases above, its metric groups computed the way `eval run` computes them. */
export function makeRun(variant: Variant): EvalRunReport {
  const perCase = specs.map((spec, index) => caseRecord(spec, variant, index));
  const groupBy = (key: (record: CaseRecord) => readonly string[]) => {
    const names = [...new Set(perCase.flatMap(key))];
    return Object.fromEntries(names.map((name) => [name, aggregateMetrics(perCase.filter((record) => key(record).includes(name)))]));
  };
  return {
    ...aggregateMetrics(perCase),
    answerabilityCalibration: answerabilityCalibration(perCase),
    runId: variant === 'lexical' ? '20250301T101500-a1b2c3' : '20250301T104500-d4e5f6',
    createdAt: variant === 'lexical' ? '2025-03-01T10:15:00.000Z' : '2025-03-01T10:45:00.000Z',
    kb: 'harbor',
    golden: 'harbor-golden.jsonl',
    fingerprint: {
      corpusHash: '9f2c1e0a7b3d4c5e',
      chunker: JSON.stringify({ maxTokens: 400, overlap: 40 }),
      retriever: JSON.stringify({ preset: variant, k1: 0.9, b: 0.4, k: 10 }),
      answerer: JSON.stringify({ provider: 'extractive', minConfidence: 0.35 }),
      goldenHash: '0c4d2b1a9e8f7a6b',
      codeVersion: 'grounded@0.1.0',
    },
    byKind: groupBy((record) => [record.kind]),
    byTag: groupBy((record) => record.tags),
    perCase,
  };
}
