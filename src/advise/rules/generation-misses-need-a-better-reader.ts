import type { Finding } from '../advice-report.js';
import { failureWeight } from './failure-weight.js';
import type { RuleInput } from './rule-input.js';

/**
 * Measured generation misses (the evidence reached the answerer, the answer was still wrong): the reader is the
 * problem. Prompt it first (quote before answering, fewer distractor passages); then a reader fine-tuned on retrieved
 * passages with distractors (hybrid). Weight from the share of failures.
 *
 * Source: Barnett et al. 2024, "Seven Failure Points" (arXiv:2401.05856, FP4 not extracted); Zhang et al. 2024, RAFT
 * (arXiv:2403.10131).
 */
export function generationMissesNeedABetterReader({ slice }: RuleInput): Finding | null {
  if (slice === null) return null;
  const count = slice.failures['generation-miss'];
  const weight = failureWeight(count, slice);
  if (weight === 0) return null;
  return {
    rule: 'generation-misses-need-a-better-reader',
    effect: 'recommend',
    action: 'prompt-and-structured-output',
    weight,
    then: 'hybrid',
    focus: ['reader'],
    reason: `${count} of ${slice.failed} failures are generation misses: the evidence reached the answerer and it still answered wrong; prompt the reader first, then fine-tune it on retrieved passages`,
    source: 'Barnett et al. 2024 (arXiv:2401.05856, FP4); Zhang et al. 2024, RAFT (arXiv:2403.10131)',
    basis: 'measured',
    evidence: { generationMisses: count, failed: slice.failed, cases: slice.cases, recallAt5: slice.recallAt5 },
    measureNext: ['answer correctness on cases whose evidence was retrieved (generation misses) after the prompt change'],
  };
}
