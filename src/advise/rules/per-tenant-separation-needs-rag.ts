import type { Finding } from '../advice-report.js';
import type { RuleInput } from './rule-input.js';

/**
 * Data of separate tenants must not meet in shared weights: language models memorise and can be made to repeat
 * training data, so a model fine-tuned on every tenant's documents can leak one tenant's data to another. A
 * per-tenant index (this project isolates knowledge bases) keeps them apart at retrieval time. Weight 2.
 *
 * Source: Carlini et al. 2021, "Extracting Training Data from Large Language Models" (USENIX Security); OWASP Top 10
 * for LLM Applications 2025, LLM02 Sensitive Information Disclosure.
 */
export function perTenantSeparationNeedsRag({ profile }: RuleInput): Finding | null {
  if (!profile.perTenantSeparation) return null;
  return {
    rule: 'per-tenant-separation-needs-rag',
    effect: 'recommend',
    action: 'rag',
    weight: 2,
    focus: ['per-tenant-indexes'],
    reason: "tenants' data must stay separate: weights trained on every tenant can repeat one tenant's data to another; per-tenant indexes cannot",
    source: 'Carlini et al. 2021, "Extracting Training Data from Large Language Models" (USENIX Security); OWASP LLM Top 10 2025, LLM02',
    basis: 'profile',
    evidence: { perTenantSeparation: true },
  };
}
