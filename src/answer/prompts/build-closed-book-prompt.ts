import type { ChatMessage } from '../../core/chat-model.js';
import { closedBookBehaviour } from './default-behaviour.js';
import { renderBehaviour, type BehaviourLayer } from './render-behaviour.js';

/** Input of {@link buildClosedBookPrompt}. */
export interface ClosedBookPromptInput {
  readonly question: string;
  /** Default {@link closedBookBehaviour} (own knowledge, says when it does not know). */
  readonly behaviour?: BehaviourLayer;
}

/**
 * Builds the chat messages of the closed-book baseline: the behaviour system message (the cacheable prefix,
 * `cacheBreakpoint: true`) and the question, with no knowledge layer. Comparing its answers with RAG's shows what
 * retrieval adds.
 *
 * @example
 * buildClosedBookPrompt({ question: 'What is Traefik?' });
 * // [{ role: 'system', content: 'You answer questions from your own knowledge; ...', cacheBreakpoint: true },
 * //  { role: 'user', content: 'Question: What is Traefik?' }]
 */
export function buildClosedBookPrompt(input: ClosedBookPromptInput): ChatMessage[] {
  return [
    { role: 'system', content: renderBehaviour(input.behaviour ?? closedBookBehaviour), cacheBreakpoint: true },
    { role: 'user', content: `Question: ${input.question.trim()}` },
  ];
}
