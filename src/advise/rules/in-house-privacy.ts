import type { Finding } from '../advice-report.js';
import type { RuleInput } from './rule-input.js';

/**
 * Data that may not leave the organisation rules out hosted model APIs for answering and for fine-tuning alike: the
 * model is an open-weight one run in-house (retrieval runs in-house here already). A constraint on every action,
 * not a vote; the cost crossover switches to the self-hosted price rows.
 *
 * Source: OWASP Top 10 for LLM Applications 2025, LLM02 Sensitive Information Disclosure; GDPR Chapter V (transfers
 * of personal data to third countries) for residency.
 */
export function inHousePrivacy({ profile }: RuleInput): Finding | null {
  if (profile.privacy !== 'in-house-only') return null;
  return {
    rule: 'in-house-privacy',
    effect: 'note',
    weight: 0,
    focus: ['open-weight-model-in-house'],
    reason: 'data must stay in-house: use an open-weight model on your own hardware, for answering and any fine-tuning',
    source: 'OWASP LLM Top 10 2025, LLM02 Sensitive Information Disclosure; GDPR Chapter V (residency)',
    basis: 'profile',
    evidence: { privacy: 'in-house-only' },
  };
}
