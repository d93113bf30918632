import type { Finding } from '../advice-report.js';
import { failureWeight } from './failure-weight.js';
import type { RuleInput } from './rule-input.js';

/**
 * Measured answers to unanswerable questions: the system should have said it does not know. Raise the evidence
 * threshold and instruct the model to refuse when the passages do not contain the answer. Weight from the share of
 * failures.
 *
 * Source: Rajpurkar et al. 2018, "Know What You Don't Know: Unanswerable Questions for SQuAD" (ACL); Kamath et al.
 * 2020, "Selective Question Answering under Domain Shift" (ACL).
 */
export function answeredUnanswerableNeedsAbstentionPrompting({ slice }: RuleInput): Finding | null {
  if (slice === null) return null;
  const count = slice.failures['answered-unanswerable'];
  const weight = failureWeight(count, slice);
  if (weight === 0) return null;
  return {
    rule: 'answered-unanswerable-needs-abstention-prompting',
    effect: 'recommend',
    action: 'prompt-and-structured-output',
    weight,
    focus: ['abstention'],
    reason: `${count} of ${slice.failed} failures answer unanswerable questions: raise the answerability model (grounded tune answerability) and instruct the model to refuse without support`,
    source: 'Rajpurkar et al. 2018 (SQuAD 2.0, ACL); Kamath et al. 2020 (ACL)',
    basis: 'measured',
    evidence: { answeredUnanswerable: count, failed: slice.failed, cases: slice.cases },
    measureNext: ['abstention precision and recall on unanswerable cases'],
  };
}
