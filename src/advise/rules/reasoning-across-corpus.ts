import type { Finding } from '../advice-report.js';
import type { RuleInput } from './rule-input.js';

/**
 * Questions that need reasoning across the whole corpus (trends, comparisons over every document) are beyond what a
 * handful of retrieved passages covers: fine-tuning on the domain helps, with retrieval kept for provenance and fresh
 * facts (hybrid; the gains add up). Weight 2. Graph-based retrieval is the retrieval-side alternative.
 *
 * Source: Balaguer et al. 2024, "RAG vs Fine-tuning: Pipelines, Tradeoffs, and a Case Study on Agriculture"
 * (arXiv:2401.08406: fine-tuning +6 points, RAG +5 more, cumulative); Edge et al. 2024, "From Local to Global: A
 * Graph RAG Approach to Query-Focused Summarization" (arXiv:2404.16130).
 */
export function reasoningAcrossCorpus({ profile }: RuleInput): Finding | null {
  if (!profile.reasoningAcrossCorpus) return null;
  return {
    rule: 'reasoning-across-corpus',
    effect: 'recommend',
    action: 'hybrid',
    weight: 2,
    focus: ['domain-fine-tune', 'retrieval-for-provenance'],
    reason: 'questions reason across the whole corpus: a few retrieved passages cannot cover it; fine-tuning on the domain helps, retrieval keeps provenance',
    source: 'Balaguer et al. 2024 (arXiv:2401.08406); Edge et al. 2024, GraphRAG (arXiv:2404.16130)',
    basis: 'profile',
    evidence: { reasoningAcrossCorpus: true },
    measureNext: ['correctness on synthesis cases (golden kind `synthesis`) before and after'],
  };
}
