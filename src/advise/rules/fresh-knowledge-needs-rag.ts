import type { Finding } from '../advice-report.js';
import type { RuleInput } from './rule-input.js';

/**
 * Knowledge that changes daily or weekly belongs in an index, not in weights: re-indexing a changed document takes
 * seconds, re-training takes a data pipeline and days, and a fine-tuned model keeps answering with the old fact.
 * Weight 3 for daily/weekly, 1 for monthly; nothing for yearly or static knowledge or a pure behaviour gap.
 *
 * Source: Lewis et al. 2020, "Retrieval-Augmented Generation for Knowledge-Intensive NLP Tasks" (NeurIPS), which
 * updates a RAG model's knowledge by swapping its index; Ovadia et al. 2023, "Fine-Tuning or Retrieval? Comparing
 * Knowledge Injection in LLMs" (arXiv:2312.05934): RAG beats unsupervised fine-tuning on new knowledge.
 */
export function freshKnowledgeNeedsRag({ profile }: RuleInput): Finding | null {
  const frequency = profile.knowledgeChangeFrequency;
  if (profile.gap === 'behaviour' || frequency === 'yearly' || frequency === 'static') return null;
  return {
    rule: 'fresh-knowledge-needs-rag',
    effect: 'recommend',
    action: 'rag',
    weight: frequency === 'monthly' ? 1 : 3,
    reason: `the knowledge changes ${frequency}: an index is updated in seconds, fine-tuned weights only by re-training`,
    source: 'Lewis et al. 2020 (RAG, NeurIPS); Ovadia et al. 2023, "Fine-Tuning or Retrieval?" (arXiv:2312.05934)',
    basis: 'profile',
    evidence: { knowledgeChangeFrequency: frequency },
  };
}
