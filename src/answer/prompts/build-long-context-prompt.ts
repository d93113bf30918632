import type { ChatMessage } from '../../core/chat-model.js';
import type { LoadedDocument } from '../../core/document.js';
import { defaultBehaviour } from './default-behaviour.js';
import { renderBehaviour, type BehaviourLayer } from './render-behaviour.js';
import { renderKnowledge } from './render-knowledge.js';

/** Input of {@link buildLongContextPrompt}. */
export interface LongContextPromptInput {
  readonly question: string;
  /** Every document of the knowledge base, in a stable order (e.g. by key); numbered 1..n in this order. */
  readonly documents: readonly Pick<LoadedDocument, 'key' | 'text'>[];
  /** Default {@link defaultBehaviour}. */
  readonly behaviour?: BehaviourLayer;
}

/**
 * Builds the chat messages of the long-context strategy: whole documents instead of retrieved passages, in the same
 * layers as `buildRagPrompt` (behaviour system message, numbered sources `[n] <doc key>\n<text>`, question). Here the
 * knowledge layer does not change between questions, so it gets its own user message that ends the cacheable prefix
 * (`cacheBreakpoint: true`), and the question follows in a second user message. Check that the documents fit the
 * model's context window first (count them with `createTokenCounterForModel`).
 *
 * @example
 * const messages = buildLongContextPrompt({ question: 'How do I enable compression?', documents });
 * // [system behaviour, { role: 'user', content: 'Sources:\n\n[1] ...', cacheBreakpoint: true }, { role: 'user', content: 'Question: ...' }]
 */
export function buildLongContextPrompt(input: LongContextPromptInput): ChatMessage[] {
  const sourceTexts = input.documents.map((document, index) => `[${index + 1}] ${document.key}\n${document.text}`);
  return [
    { role: 'system', content: renderBehaviour(input.behaviour ?? defaultBehaviour) },
    { role: 'user', content: renderKnowledge(sourceTexts), cacheBreakpoint: true },
    { role: 'user', content: `Question: ${input.question.trim()}` },
  ];
}
