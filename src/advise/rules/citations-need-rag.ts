import type { Finding } from '../advice-report.js';
import type { RuleInput } from './rule-input.js';

/**
 * Answers that must cite their sources need retrieval: only a retrieved passage can be pointed at, and citations
 * let a reader check the answer. A fine-tuned model cannot say where a fact in its weights came from.
 *
 * Source: Lewis et al. 2020 (RAG: "providing provenance for their decisions"); Gao et al. 2023, "Retrieval-Augmented
 * Generation for Large Language Models: A Survey" (arXiv:2312.10997), RAG vs fine-tuning comparison (interpretability,
 * traceable sources).
 */
export function citationsNeedRag({ profile }: RuleInput): Finding | null {
  if (!profile.needsCitations) return null;
  return {
    rule: 'citations-need-rag',
    effect: 'recommend',
    action: 'rag',
    weight: 3,
    reason: 'answers must cite their sources: only retrieved passages give provenance; fine-tuned weights cannot',
    source: 'Lewis et al. 2020 (RAG, provenance); Gao et al. 2023, RAG survey (arXiv:2312.10997)',
    basis: 'profile',
    evidence: { needsCitations: true },
  };
}
