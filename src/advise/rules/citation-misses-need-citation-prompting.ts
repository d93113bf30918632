import type { Finding } from '../advice-report.js';
import { failureWeight } from './failure-weight.js';
import type { RuleInput } from './rule-input.js';

/**
 * Measured citation misses (right answer, citations supporting nothing): the model must be told, and shown, to cite
 * the passage each claim comes from; verified citations (llm.dropUnsupported) clean up the rest. Weight from the
 * share of failures.
 *
 * Source: Gao et al. 2023, "Enabling Large Language Models to Generate Text with Citations" (ALCE, EMNLP).
 */
export function citationMissesNeedCitationPrompting({ slice }: RuleInput): Finding | null {
  if (slice === null) return null;
  const count = slice.failures['citation-miss'];
  const weight = failureWeight(count, slice);
  if (weight === 0) return null;
  return {
    rule: 'citation-misses-need-citation-prompting',
    effect: 'recommend',
    action: 'prompt-and-structured-output',
    weight,
    focus: ['citations'],
    reason: `${count} of ${slice.failed} failures are citation misses: right answers whose citations support nothing; instruct and show per-claim citations`,
    source: 'Gao et al. 2023, ALCE (EMNLP)',
    basis: 'measured',
    evidence: { citationMisses: count, failed: slice.failed, cases: slice.cases },
    measureNext: ['citation precision and recall after the change'],
  };
}
