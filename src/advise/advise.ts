import type { AdviceEvidence, AdviceReport, Recommendation, SliceEvidence } from './advice-report.js';
import type { AdvisorProfile } from './advisor-profile-schema.js';
import { combineFindings } from './combine-findings.js';
import { computeCrossover } from './compute-crossover.js';
import type { AdvisorModelPrice } from './default-price-table.js';
import { resolvePrices } from './resolve-prices.js';
import { adviceRules } from './rules/advice-rules.js';
import type { AdviceRule } from './rules/rule-input.js';

/** What {@link advise} needs: the profile, the evidence and a price table. */
export interface AdviseInput {
  readonly kb?: string | null;
  readonly profile: AdvisorProfile;
  readonly evidence: AdviceEvidence;
  /** `defaultPriceTable` with `llm.pricing` merged over it. */
  readonly prices: Readonly<Record<string, AdvisorModelPrice>>;
  /** `llm.model`, preferred as the RAG model when priced. */
  readonly configuredModel?: string;
  /** The rules to run; default `adviceRules` (tests pass subsets). */
  readonly rules?: readonly AdviceRule[];
}

/**
 * The advisor: runs every rule on the profile and on each measured slice, combines the findings into one
 * recommendation per slice (overall first, `slice: "all"`, then per golden kind and per tag), and computes the cost
 * and latency crossover. Pure: reading the store and files is the app's job.
 *
 * @example
 * const report = advise({ profile: advisorProfileSchema.parse({}), evidence, prices: defaultPriceTable });
 * report.recommendations[0]?.action; // 'none' when every measured case passes
 */
export function advise(input: AdviseInput): AdviceReport {
  const rules = input.rules ?? adviceRules;
  const { profile, evidence } = input;
  const slices: readonly (SliceEvidence | null)[] = evidence.slices.length === 0 ? [null] : evidence.slices;
  const recommendations: Recommendation[] = slices.map((slice) =>
    combineFindings({
      slice: slice?.slice ?? 'all',
      findings: rules.map((rule) => rule({ profile, evidence, slice })).filter((finding) => finding !== null),
      evidence,
      sliceEvidence: slice,
    }),
  );
  const notes: string[] = [];
  if (evidence.runs.length === 0) {
    notes.push('no evaluation run: the advice rests on the profile alone (low confidence); run `grounded eval run --golden FILE` to measure the gaps');
  }
  if (evidence.knowledge === null) notes.push('no knowledge base: the size of the knowledge was not measured');
  if (evidence.traffic === null) notes.push('no traces: request volume is the profile’s estimate');
  const crossover = computeCrossover(profile, evidence, resolvePrices(profile, input.prices, input.configuredModel));
  if (profile.monthlyBudgetUsd !== null && Math.min(crossover.ragMonthlyUsd, crossover.fineTunedMonthlyUsd) > profile.monthlyBudgetUsd) {
    notes.push(`both options exceed the monthly budget of $${profile.monthlyBudgetUsd} at ${crossover.requestsPerDay} requests per day`);
  }
  return { kb: input.kb ?? null, profile, evidence, recommendations, crossover, notes };
}
