import type { FailureKind } from '../eval/eval-run-report.js';
import type { AdvisorProfile } from './advisor-profile-schema.js';

/**
 * What the advisor can recommend (the `grounded advise` contract in docs/cli.md; extend, never rename):
 * `rag` retrieve from the knowledge base; `improve-retrieval` fix the retrieval stage (the recommendation's `focus`
 * says which part); `prompt-and-structured-output` instructions, examples in the prompt, schema-constrained output;
 * `fine-tune` train the model's behaviour; `hybrid` a fine-tuned model that still reads retrieved passages;
 * `long-context` put the whole knowledge in the prompt; `none` change nothing.
 */
export type AdviceAction =
  | 'rag'
  | 'improve-retrieval'
  | 'prompt-and-structured-output'
  | 'fine-tune'
  | 'hybrid'
  | 'long-context'
  | 'none';

/** Every action, cheapest and most reversible first: the order that breaks ties between equally supported actions. */
export const adviceActions: readonly AdviceAction[] = [
  'none',
  'improve-retrieval',
  'prompt-and-structured-output',
  'rag',
  'long-context',
  'hybrid',
  'fine-tune',
];

/** How much evidence a recommendation rests on. */
export type Confidence = 'low' | 'medium' | 'high';

/** A number, flag or label a finding or recommendation was drawn from. */
export type EvidenceValue = number | string | boolean | null;

/**
 * What one rule concluded. `recommend` votes for `action` with `weight` (1 weak, 2 moderate, 3 strong); `block`
 * rules out the actions in `blocks` (fewer than ~500 examples blocks fine-tuning); `note` changes no vote but is
 * shown (a warning, a constraint, something to measure).
 */
export interface Finding {
  /** The rule's id, the kebab-case name of its file. */
  readonly rule: string;
  readonly effect: 'recommend' | 'block' | 'note';
  /** The action voted for (`recommend`), absent otherwise. */
  readonly action?: AdviceAction;
  readonly weight: number;
  /** Actions a `block` rules out. */
  readonly blocks?: readonly AdviceAction[];
  /** The step after this one once it has been measured (prompting first, then fine-tuning). */
  readonly then?: AdviceAction;
  /** Which part to work on (`candidates`, `ranking`, `multilingual-embeddings`, a failing check type, ...). */
  readonly focus?: readonly string[];
  /** One sentence with the numbers that triggered the rule. */
  readonly reason: string;
  /** Where the rule comes from: a guide, a paper, or the project's own measurement definition. */
  readonly source: string;
  /** Whether the rule read measured evidence (an eval run, traces) or only the profile. */
  readonly basis: 'measured' | 'profile';
  readonly evidence: Readonly<Record<string, EvidenceValue>>;
  /** What to measure next to confirm or refute it. */
  readonly measureNext?: readonly string[];
}

/** Measured failure mix of one slice of the evaluation (all cases, one golden kind, or one tag). */
export interface SliceEvidence {
  /** `all`, `kind:NAME` or `tag:NAME`. */
  readonly slice: string;
  readonly cases: number;
  /** Cases with an attributed failure. */
  readonly failed: number;
  readonly failures: Readonly<Record<FailureKind, number>>;
  /** Cases with evidence, which the recall figures average over. */
  readonly retrievalCases: number;
  readonly recallAt5: number;
  readonly recallAt10: number;
  readonly mrrAt10: number;
  /** Cases with behaviour checks, the share passing all of them, and the pass rate per failing check type. */
  readonly behaviourCases: number;
  readonly behaviourPassRate: number;
  readonly failingChecks: Readonly<Record<string, number>>;
}

/** Request volume and latency seen in production traces (not recorded yet: the server does not exist). */
export interface TrafficEvidence {
  /** Days of traces the figures cover. */
  readonly days: number;
  readonly requestsPerDay: number;
  /** p95 of end-to-end request latency, when traced. */
  readonly p95Ms?: number;
  readonly retrieveP95Ms?: number;
}

/** Everything measured that the rules read. Absent measurements are null, never guessed. */
export interface AdviceEvidence {
  /** The eval runs read (the latest per golden set), newest first. */
  readonly runs: readonly { readonly runId: string; readonly golden: string; readonly createdAt: string; readonly cases: number }[];
  /** The answer strategy the runs evaluated (`rag`, `long-context`, `closed-book`), null without runs. */
  readonly strategy: string | null;
  /** `all` first, then `kind:*`, then `tag:*`; empty without runs. */
  readonly slices: readonly SliceEvidence[];
  readonly latency: { readonly retrieveP95Ms: number; readonly generateP95Ms: number; readonly totalP95Ms: number } | null;
  /** Input tokens per answered request, and how they were obtained. */
  readonly contextTokensPerRequest: number | null;
  readonly contextTokensSource: 'model-usage' | 'retrieved-passages' | null;
  readonly outputTokensPerRequest: number | null;
  /** Measured model cost per case (USD), null when no priced model answered. */
  readonly answerCostUsdPerRequest: number | null;
  readonly knowledge: { readonly tokens: number; readonly documents: number; readonly chunks: number } | null;
  readonly traffic: TrafficEvidence | null;
}

/** One recommendation for one slice. The first of a report is the overall one (`slice: "all"`). */
export interface Recommendation {
  readonly slice: string;
  readonly action: AdviceAction;
  /** The step after `action`, once it is measured (e.g. prompting now, fine-tuning when it falls short). */
  readonly then: AdviceAction | null;
  /** Which part to work on. */
  readonly focus: readonly string[];
  /** Why, strongest first, each with its numbers. */
  readonly reasons: readonly string[];
  /** The measured numbers (and profile answers) that drove it. */
  readonly evidence: Readonly<Record<string, EvidenceValue>>;
  readonly expectedEffect: string;
  readonly measureNext: readonly string[];
  readonly confidence: Confidence;
  /** Warnings that do not change the action (fine-tuning facts, privacy constraints). */
  readonly warnings: readonly string[];
  /** Every rule that fired for this slice, with its source. */
  readonly findings: readonly Finding[];
}

/** A point of the cost-versus-volume curves. */
export interface CostPoint {
  readonly requestsPerDay: number;
  readonly ragMonthlyUsd: number;
  readonly fineTunedMonthlyUsd: number;
}

/** The cost and latency crossover between RAG and a fine-tuned model (numbers in USD, 30-day months). */
export interface Crossover {
  /** At the profile's (or traced) volume, fixed monthly costs spread over its requests. */
  readonly ragCostPerRequest: number;
  readonly fineTunedCostPerRequest: number;
  /** Volume above which the fine-tuned model is cheaper; 0 when it always is, null when it never is. */
  readonly breakEvenRequestsPerDay: number | null;
  readonly requestsPerDay: number;
  readonly ragMonthlyUsd: number;
  readonly fineTunedMonthlyUsd: number;
  /** The same after twelve months of the profile's growth. */
  readonly inTwelveMonths: { readonly requestsPerDay: number; readonly ragMonthlyUsd: number; readonly fineTunedMonthlyUsd: number };
  readonly rag: {
    readonly model: string;
    readonly inputTokens: number;
    readonly outputTokens: number;
    readonly marginalCostPerRequest: number;
    readonly fixedMonthlyUsd: number;
  };
  readonly fineTuned: {
    readonly model: string;
    readonly inputTokens: number;
    readonly outputTokens: number;
    readonly marginalCostPerRequest: number;
    readonly trainingUsd: number;
    readonly amortizationMonths: number;
    readonly hostingMonthlyUsd: number;
    readonly fixedMonthlyUsd: number;
  };
  readonly cacheHitRate: number;
  /** Where the measured latency sits against the profile's p95 budget (null figures were not measured). */
  readonly latency: {
    readonly budgetMs: number;
    readonly retrieveP95Ms: number | null;
    readonly generateP95Ms: number | null;
    readonly totalP95Ms: number | null;
    /** Retrieval p95 / budget. */
    readonly retrievalShareOfBudget: number | null;
    readonly withinBudget: boolean | null;
  };
  readonly monthlyBudgetUsd: number | null;
  /** Points for the chart: 0 to twice the larger of the volume and the break-even. */
  readonly curve: readonly CostPoint[];
  /** Where each input came from (measured, profile, price table). */
  readonly assumptions: readonly string[];
}

/** The advisor's whole answer, as `grounded advise --json` prints it. */
export interface AdviceReport {
  readonly kb: string | null;
  readonly profile: AdvisorProfile;
  readonly evidence: AdviceEvidence;
  readonly recommendations: readonly Recommendation[];
  readonly crossover: Crossover;
  /** Things the user should know about the inputs (no eval run, no knowledge base). */
  readonly notes: readonly string[];
}
