import type { Finding } from '../advice-report.js';
import { failureWeight } from './failure-weight.js';
import type { RuleInput } from './rule-input.js';

/**
 * Measured false abstentions (the evidence reached the answerer, the evidence gate judged it too weak and refused):
 * the retrieval scores do not separate good from bad evidence well enough, or the threshold is too high. Recalibrate
 * `the answerability model (grounded tune answerability)` on the golden set (docs/abstention.md) and strengthen ranking (a reranker's scores are
 * better calibrated than BM25's). Weight from the share of failures.
 *
 * Source: Kamath, Jia and Liang 2020, "Selective Question Answering under Domain Shift" (ACL: calibrate when to
 * abstain); Rajpurkar et al. 2018, "Know What You Don't Know" (SQuAD 2.0).
 */
export function falseAbstentionsNeedThresholdWork({ slice }: RuleInput): Finding | null {
  if (slice === null) return null;
  const count = slice.failures['false-abstention'];
  const weight = failureWeight(count, slice);
  if (weight === 0) return null;
  return {
    rule: 'false-abstentions-need-threshold-work',
    effect: 'recommend',
    action: 'improve-retrieval',
    weight,
    focus: ['evidence-threshold'],
    reason: `${count} of ${slice.failed} failures are false abstentions: the evidence was retrieved but judged too weak; recalibrate the answerability model (grounded tune answerability) and strengthen ranking scores`,
    source: 'Kamath et al. 2020 (ACL, selective QA); Rajpurkar et al. 2018 (SQuAD 2.0)',
    basis: 'measured',
    evidence: { falseAbstentions: count, failed: slice.failed, cases: slice.cases, recallAt5: slice.recallAt5 },
    measureNext: ['over-refusal and abstention F1 after recalibrating (npm run calibrate)'],
  };
}
