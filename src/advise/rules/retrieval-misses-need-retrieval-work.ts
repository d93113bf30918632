import type { Finding } from '../advice-report.js';
import { failureWeight } from './failure-weight.js';
import type { RuleInput } from './rule-input.js';

/** Recall@10 below which the evidence is missing from the candidates, not just ranked too low. */
const candidateRecall = 0.8;

/**
 * Measured retrieval misses (the evidence never reached the answerer): retrieval work, never fine-tuning, because a
 * model cannot use a passage it was not given. Which part: recall@10 under 0.8 means the candidates miss the evidence
 * (add embeddings with the hybrid preset, query rewriting, check chunking); otherwise it is ranked too low for the
 * answerer's passages (a reranker, or more passages). Weight from the share of failures ({@link failureWeight}).
 *
 * Source: Barnett et al. 2024, "Seven Failure Points When Engineering a Retrieval Augmented Generation System" (CAIN,
 * arXiv:2401.05856: FP2 missed the top-ranked documents, FP3 not in context); docs/evaluation.md (attribution).
 */
export function retrievalMissesNeedRetrievalWork({ slice }: RuleInput): Finding | null {
  if (slice === null) return null;
  const count = slice.failures['retrieval-miss'];
  const weight = failureWeight(count, slice);
  if (weight === 0) return null;
  const candidates = slice.recallAt10 < candidateRecall;
  return {
    rule: 'retrieval-misses-need-retrieval-work',
    effect: 'recommend',
    action: 'improve-retrieval',
    weight,
    focus: candidates ? ['candidates'] : ['ranking'],
    reason:
      `${count} of ${slice.failed} failures are retrieval misses (evidence never reached the answerer); recall@10 ${percent(slice.recallAt10)}: ` +
      (candidates ? 'the candidates miss it: add embeddings (hybrid preset), query rewriting, check chunking' : 'it is ranked too low: add a reranker or read more passages'),
    source: 'Barnett et al. 2024, "Seven Failure Points" (arXiv:2401.05856, FP2/FP3); docs/evaluation.md',
    basis: 'measured',
    evidence: { retrievalMisses: count, failed: slice.failed, cases: slice.cases, recallAt5: slice.recallAt5, recallAt10: slice.recallAt10, mrrAt10: slice.mrrAt10 },
    measureNext: ['recall@5, recall@10 and MRR@10 after the change: grounded eval run, then grounded eval diff previous latest'],
  };
}

function percent(value: number): string {
  return `${(value * 100).toFixed(0)}%`;
}
