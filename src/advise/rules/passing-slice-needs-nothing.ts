import type { Finding } from '../advice-report.js';
import { passingShare } from './failure-weight.js';
import type { RuleInput } from './rule-input.js';

/**
 * A slice whose measured cases pass (at least 95%): nothing to fix. Weight 3; ties go to the cheaper action, so only
 * needs that add up to more than 3 outvote it (a stated tone gap plus the retrieval the profile requires, say).
 * "Nothing measured needs fixing" must be true, so the rule stays silent when the measured p95 latency (traced, else
 * the eval run's) breaks the budget (`latency-budget-broken-by-retrieval` decides then), and when the profile states
 * a behaviour gap but the slice has no behaviour checks (the run did not measure the stated gap). The confidence
 * says how many cases this rests on.
 *
 * Source: docs/evaluation.md (a case passes when no stage lost it); the advisor's principle that measured gaps, not
 * opinions, drive changes (issue 6).
 */
export function passingSliceNeedsNothing({ profile, evidence, slice }: RuleInput): Finding | null {
  if (slice === null || slice.cases === 0) return null;
  const passRate = (slice.cases - slice.failed) / slice.cases;
  if (passRate < passingShare) return null;
  const totalP95Ms = evidence.traffic?.p95Ms ?? evidence.latency?.totalP95Ms;
  if (totalP95Ms !== undefined && totalP95Ms > profile.latencyBudgetMs) return null;
  const statedBehaviourGap = profile.gap === 'behaviour' || profile.gap === 'both';
  if (statedBehaviourGap && slice.behaviourCases === 0) return null;
  return {
    rule: 'passing-slice-needs-nothing',
    effect: 'recommend',
    action: 'none',
    weight: 3,
    reason: `${slice.cases - slice.failed} of ${slice.cases} cases pass (${(passRate * 100).toFixed(0)}%): nothing measured needs fixing`,
    source: 'docs/evaluation.md (failure attribution); issue 6 (measured gaps drive changes)',
    basis: 'measured',
    evidence: { cases: slice.cases, failed: slice.failed, passRate, recallAt5: slice.recallAt5 },
    measureNext: ['add golden cases for the questions users actually ask (more cases, higher confidence)'],
  };
}
