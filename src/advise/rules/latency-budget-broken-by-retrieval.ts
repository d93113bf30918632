import type { Finding } from '../advice-report.js';
import type { RuleInput } from './rule-input.js';

/** A budget at or under this (ms, p95) is tight enough to be worth measuring before anything else. */
const tightBudgetMs = 1000;

/**
 * A p95 latency budget that the measured pipeline breaks. Measured, never assumed: traced latency when there are
 * traces, else the eval run's retrieval and generation p95. When generation alone fits the budget (the eval run's
 * generation p95; with traces, total minus retrieval), a fine-tuned small model without retrieval is the fix
 * (weight 3); when generation alone breaks it, a smaller fine-tuned model generates faster (weight 2). Without a measurement a tight budget only asks to measure.
 *
 * Source: OpenAI latency optimization guide (platform.openai.com/docs/guides/latency-optimization: "process tokens
 * faster" with a smaller fine-tuned model, "use fewer input tokens"); issue 6 ("measured, not assumed").
 */
export function latencyBudgetBrokenByRetrieval({ profile, evidence }: RuleInput): Finding | null {
  const budget = profile.latencyBudgetMs;
  const traced = evidence.traffic?.p95Ms;
  const total = traced ?? evidence.latency?.totalP95Ms;
  const retrieve = (traced === undefined ? undefined : evidence.traffic?.retrieveP95Ms) ?? evidence.latency?.retrieveP95Ms;
  const source = 'OpenAI latency optimization guide (smaller fine-tuned model, fewer input tokens); issue 6';
  if (total === undefined) {
    if (budget > tightBudgetMs) return null;
    return {
      rule: 'latency-budget-broken-by-retrieval',
      effect: 'note',
      weight: 0,
      reason: `the ${budget} ms p95 budget is tight but latency has not been measured: no vote until it is`,
      source,
      basis: 'profile',
      evidence: { latencyBudgetMs: budget },
      measureNext: ['retrieval and generation p95 with the production model: grounded eval run, then grounded advise'],
    };
  }
  if (total <= budget) return null;
  // p95s do not add up: the eval run's own generation p95 is the latency without retrieval; traces only give the
  // difference of the two p95s.
  const generate = (traced === undefined ? evidence.latency?.generateP95Ms : undefined) ?? total - (retrieve ?? 0);
  const measured = { latencyBudgetMs: budget, totalP95Ms: round(total), retrieveP95Ms: retrieve === undefined ? null : round(retrieve), generateP95Ms: round(generate) };
  if (retrieve !== undefined && generate <= budget) {
    return {
      rule: 'latency-budget-broken-by-retrieval',
      effect: 'recommend',
      action: 'fine-tune',
      weight: 3,
      focus: ['small-model', 'no-retrieval'],
      reason: `measured p95 ${round(total)} ms breaks the ${budget} ms budget and retrieval takes ${round(retrieve)} ms of it: a fine-tuned small model without retrieval fits`,
      source,
      basis: 'measured',
      evidence: measured,
      measureNext: ['p95 latency of the fine-tuned small model under production load'],
    };
  }
  return {
    rule: 'latency-budget-broken-by-retrieval',
    effect: 'recommend',
    action: 'fine-tune',
    weight: 2,
    focus: ['small-model'],
    reason: `measured p95 ${round(total)} ms breaks the ${budget} ms budget and generation alone (${round(generate)} ms) is over it: a smaller fine-tuned model generates faster`,
    source,
    basis: 'measured',
    evidence: measured,
    measureNext: ['p95 latency of a smaller (fine-tuned) model; time to first token when streaming'],
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
