import type { Finding } from '../advice-report.js';
import type { RuleInput } from './rule-input.js';

/**
 * Both gaps at once (e.g. code in a house style over a changing codebase): fine-tune the behaviour and keep
 * retrieving the facts; the gains add up, and a reader trained on retrieved passages uses them better. Weight 2;
 * `too-few-examples` blocks it.
 *
 * Source: Balaguer et al. 2024 (arXiv:2401.08406: gains of fine-tuning and RAG are cumulative); Zhang et al. 2024,
 * "RAFT: Adapting Language Model to Domain Specific RAG" (arXiv:2403.10131).
 */
export function factsAndBehaviourHybrid({ profile }: RuleInput): Finding | null {
  if (profile.gap !== 'both') return null;
  return {
    rule: 'facts-and-behaviour-hybrid',
    effect: 'recommend',
    action: 'hybrid',
    weight: 2,
    focus: ['fine-tune-behaviour', 'retrieve-facts'],
    reason: 'both a knowledge and a behaviour gap: fine-tune the behaviour, keep retrieving the facts (the gains add up)',
    source: 'Balaguer et al. 2024 (arXiv:2401.08406); Zhang et al. 2024, RAFT (arXiv:2403.10131)',
    basis: 'profile',
    evidence: { gap: 'both', labeledExamples: profile.labeledExamples },
  };
}
