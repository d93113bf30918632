import type { Finding } from '../advice-report.js';
import type { RuleInput } from './rule-input.js';

/** Share of the context window the knowledge may take and still leave room for the question and the answer. */
const contextShare = 0.5;

/**
 * Knowledge that fits well inside the context window (at most half of it) can go whole into the prompt: a fine
 * prototype with nothing to tune (weight 1), to be replaced by RAG when the knowledge grows or the per-request cost
 * of the long prompt adds up. When an eval run shows a working retrieval setup it is only a note.
 *
 * Source: Anthropic, "Introducing Contextual Retrieval" (2024: "if your knowledge base is smaller than 200,000
 * tokens ... you can just include the entire knowledge base in the prompt"); Li et al. 2024, "Retrieval Augmented
 * Generation or Long-Context LLMs?" (arXiv:2407.16833): long context wins on quality, RAG on cost.
 */
export function knowledgeFitsInContext({ profile, evidence }: RuleInput): Finding | null {
  const tokens = profile.knowledgeTokens ?? evidence.knowledge?.tokens;
  if (tokens === undefined || tokens > profile.contextWindowTokens * contextShare) return null;
  const measuredRag = evidence.runs.length > 0;
  return {
    rule: 'knowledge-fits-in-context',
    effect: measuredRag ? 'note' : 'recommend',
    ...(measuredRag ? {} : { action: 'long-context' as const, then: 'rag' as const }),
    weight: measuredRag ? 0 : 1,
    reason: `the knowledge (${tokens} tokens) fits in half the ${profile.contextWindowTokens}-token context window: long-context prompting is a fine prototype, at ${tokens} input tokens per request`,
    source: 'Anthropic, "Introducing Contextual Retrieval" (2024); Li et al. 2024 (arXiv:2407.16833)',
    basis: profile.knowledgeTokens === undefined ? 'measured' : 'profile',
    evidence: { knowledgeTokens: tokens, contextWindowTokens: profile.contextWindowTokens },
    measureNext: ['grounded eval run --strategy rag,long-context: quality and cost side by side'],
  };
}
