import type { Finding } from '../advice-report.js';
import type { RuleInput } from './rule-input.js';

/**
 * A warning whenever facts are part of the gap: do not fine-tune the knowledge base into the model. Facts in weights
 * go stale with the next document change, lose their citations, and training on new facts raises hallucination.
 * Fine-tune behaviour; retrieve facts. A note, not a vote.
 *
 * Source: Ovadia et al. 2023, "Fine-Tuning or Retrieval?" (arXiv:2312.05934); Gekhman et al. 2024, "Does Fine-Tuning
 * LLMs on New Knowledge Encourage Hallucinations?" (EMNLP).
 */
export function fineTuningFactsWarning({ profile }: RuleInput): Finding | null {
  if (profile.gap !== 'facts' && profile.gap !== 'both') return null;
  return {
    rule: 'fine-tuning-facts-warning',
    effect: 'note',
    weight: 0,
    reason: 'do not fine-tune the knowledge base into the model: facts in weights go stale, lose their citations, and new facts learned in training raise hallucination; fine-tune behaviour, retrieve facts',
    source: 'Ovadia et al. 2023 (arXiv:2312.05934); Gekhman et al. 2024 (EMNLP)',
    basis: 'profile',
    evidence: { gap: profile.gap, knowledgeChangeFrequency: profile.knowledgeChangeFrequency },
  };
}
