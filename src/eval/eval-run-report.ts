import type { Citation } from '../core/answer.js';
import type { ChatUsage } from '../core/chat-model.js';
import type { EvidenceSpan, GoldenKind } from '../core/golden-case.js';
import type { AbstentionTradeoffPoint } from './metrics/abstention-tradeoff-curve.js';
import type { GateScores } from './metrics/gate-scores.js';
import type { ReliabilityBin } from './metrics/reliability-bins.js';

/** Why a case failed, attributed to the stage that lost it (first match in this order). */
export type FailureKind =
  | 'answered-unanswerable'
  | 'false-abstention'
  | 'retrieval-miss'
  | 'generation-miss'
  | 'citation-miss'
  | 'behaviour-miss';

/** Every failure kind, in the order a report shows them. */
export const failureKinds: readonly FailureKind[] = [
  'retrieval-miss',
  'generation-miss',
  'citation-miss',
  'behaviour-miss',
  'false-abstention',
  'answered-unanswerable',
];

/** Metric groups of the `eval run --json` contract (docs/cli.md), plus additions. All rates in [0, 1]. */
export interface MetricGroups {
  readonly cases: number;
  readonly retrieval: {
    /** Cases with evidence, which the retrieval figures average over. */
    readonly cases: number;
    readonly recallAt1: number;
    readonly recallAt5: number;
    readonly recallAt10: number;
    readonly mrrAt10: number;
    readonly ndcgAt10: number;
    /**
     * Recall@5 of the `synthesis` cases alone (the share of each case's sources found in the top 5, averaged):
     * whether retrieval gathers every part such a question needs. Absent when the group has no synthesis case.
     */
    readonly synthesisRecallAt5?: number;
  };
  /** `cases`: cases with accepted answers, which the answer figures average over. */
  readonly answer: { readonly cases: number; readonly correct: number; readonly f1: number; readonly exact: number };
  readonly abstention: {
    readonly precision: number;
    readonly recall: number;
    readonly f1: number;
    readonly overRefusal: number;
  };
  /**
   * The two abstention gates: the answerability gate (refuses before any model call) and the answerer (its reply
   * refuses), each with its abstentions and their precision, and the share of questions that reached the answerer.
   * Absent when no case reported a gate (a system without one, or a run stored before gates were recorded).
   */
  readonly gates?: GateScores;
  readonly citations: { readonly precision: number; readonly recall: number };
  /**
   * `supported`: share of answer sentences lexically supported by their cited text (offline measure).
   * `judged`: claim-level faithfulness by a judge model (RAGAS definition), averaged over judged cases, present only
   * in judged runs; `judgedRuns` holds the run-level value of each repeat, so the spread shows the judge's variance.
   */
  readonly faithfulness: {
    readonly supported: number;
    readonly judged?: number;
    readonly judgedRuns?: readonly number[];
    readonly judgedSpread?: { readonly min: number; readonly max: number; readonly std: number };
  };
  /** Share of cases with checks that pass all of them, and the pass rate per check type. */
  readonly behaviour: {
    readonly cases: number;
    readonly passRate: number;
    readonly byType: Readonly<Record<string, { readonly checks: number; readonly passRate: number }>>;
  };
  readonly latency: {
    readonly p50Ms: number;
    readonly p95Ms: number;
    readonly retrieveP50Ms: number;
    readonly retrieveP95Ms: number;
    readonly generateP50Ms: number;
    readonly generateP95Ms: number;
  };
  readonly failures: Readonly<Record<FailureKind, number>>;
  /** Model usage summed over cases; `usd` is null when some called model had no price. */
  readonly cost: {
    readonly modelCalls: number;
    readonly inputTokens: number;
    readonly cachedInputTokens: number;
    readonly outputTokens: number;
    readonly usd: number | null;
  };
}

/** The result of one behaviour check on one answer. */
export interface CheckResult {
  readonly type: string;
  readonly passed: boolean;
  /** Why it failed (or what was measured), one line. */
  readonly detail: string;
}

/** Everything about one case: inputs, what the system did, its scores and the attributed failure. */
export interface CaseRecord {
  readonly id: string;
  readonly question: string;
  readonly kind: GoldenKind;
  readonly tags: readonly string[];
  readonly expectedAnswers: readonly string[];
  /** Resolved evidence spans with their text. */
  readonly evidence: readonly (EvidenceSpan & { readonly quote: string })[];
  readonly answer: string;
  readonly abstained: boolean;
  /** Predicted probability, in [0, 1], that the knowledge base answers the question; null when none was predicted. */
  readonly answerability: number | null;
  /** Which gate abstained: the answerability gate before any model call, or the answerer; null when it answered. */
  readonly abstainedBy: 'gate' | 'model' | null;
  /** Whether a language model was called for the case (false offline and when the gate refused). */
  readonly calledModel: boolean;
  readonly citations: readonly Citation[];
  /** Top retrieved chunks, best first. */
  readonly retrieved: readonly (EvidenceSpan & { readonly rank: number; readonly relevant: boolean })[];
  readonly scores: {
    readonly recallAt1: number;
    readonly recallAt5: number;
    readonly recallAt10: number;
    readonly mrrAt10: number;
    readonly ndcgAt10: number;
    readonly correct: number;
    readonly f1: number;
    readonly exact: number;
    readonly citationPrecision: number | null;
    readonly citationRecall: number | null;
    readonly faithfulness: number | null;
    /** Judged claim-level faithfulness per repeat (judged runs only); null entries were not judgeable. */
    readonly judgedFaithfulness?: readonly (number | null)[];
  };
  readonly checks: readonly CheckResult[];
  readonly failure: FailureKind | null;
  readonly latencyMs: { readonly retrieve: number; readonly generate: number; readonly total: number };
  /** Tokens of the model call, null when no model was called. */
  readonly usage: ChatUsage | null;
  /** USD; null when the model has no price in the pricing table. */
  readonly costUsd: number | null;
}

/**
 * How well the predicted answerability matches the golden kinds, over the cases that carry a prediction:
 * reliability bins (10 equal-width bins of the prediction), the Brier score, and the over-refusal / abstention-recall
 * trade-off of the rule "abstain when answerability < t" for t = 0, 0.02, ..., 1.
 */
export interface AnswerabilityCalibration {
  /** Cases with a prediction, and how many of them are answerable (`answerable` or `synthesis`) and unanswerable. */
  readonly cases: number;
  readonly answerableCases: number;
  readonly unanswerableCases: number;
  readonly bins: readonly ReliabilityBin[];
  /** Mean squared error of the prediction against answerable = 1, unanswerable = 0; lower is better. */
  readonly brier: number;
  readonly curve: readonly AbstentionTradeoffPoint[];
}

/** What produced a run: equal fingerprints mean comparable runs. */
export interface RunFingerprint {
  readonly corpusHash: string;
  readonly chunker: string;
  readonly retriever: string;
  readonly answerer: string;
  readonly goldenHash: string;
  readonly codeVersion: string;
  /** The judge model of a judged run, and how many times each answer was judged. */
  readonly judge?: string;
}

/** A complete evaluation run, as `eval run --json` prints it and as the run history stores it. */
export interface EvalRunReport extends MetricGroups {
  readonly runId: string;
  readonly createdAt: string;
  readonly kb: string;
  readonly golden: string;
  readonly fingerprint: RunFingerprint;
  /** Calibration of the answerability prediction over the whole run; absent when no case carries a prediction. */
  readonly answerabilityCalibration?: AnswerabilityCalibration;
  readonly byKind: Readonly<Record<string, MetricGroups>>;
  readonly byTag: Readonly<Record<string, MetricGroups>>;
  readonly perCase: readonly CaseRecord[];
}
