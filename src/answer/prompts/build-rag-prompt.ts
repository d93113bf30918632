import type { ChatMessage } from '../../core/chat-model.js';
import type { PackedSource } from '../context/pack-context.js';
import { defaultBehaviour } from './default-behaviour.js';
import { renderBehaviour, type BehaviourLayer } from './render-behaviour.js';
import { renderKnowledge } from './render-knowledge.js';

/** Input of {@link buildRagPrompt}. */
export interface RagPromptInput {
  readonly question: string;
  /** Sources as packed by `packContext`: their `text` goes into the prompt as is (it already carries `[n]`). */
  readonly sources: readonly Pick<PackedSource, 'text'>[];
  /** Default {@link defaultBehaviour}. */
  readonly behaviour?: BehaviourLayer;
}

/**
 * Builds the chat messages of a retrieval-augmented answer in three layers, stable parts first:
 * 1. behaviour: a system message, byte-identical for equal settings, marked `cacheBreakpoint: true` (the end of the
 *    cacheable prefix);
 * 2. knowledge: the numbered sources (`[n] <doc> › <heading path>\n<text>`), which change with every question, so they
 *    open the user message;
 * 3. request: the question, closing the user message.
 *
 * @example
 * const { sources } = packContext(hits, { budgetTokens: 6_000, counter });
 * const messages = buildRagPrompt({ question: 'How do I enable compression?', sources });
 * // [{ role: 'system', content: '...', cacheBreakpoint: true }, { role: 'user', content: 'Sources:\n\n[1] ...' }]
 */
export function buildRagPrompt(input: RagPromptInput): ChatMessage[] {
  return [
    { role: 'system', content: renderBehaviour(input.behaviour ?? defaultBehaviour), cacheBreakpoint: true },
    {
      role: 'user',
      content: `${renderKnowledge(input.sources.map((source) => source.text))}\n\nQuestion: ${input.question.trim()}`,
    },
  ];
}
