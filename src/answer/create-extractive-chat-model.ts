import type { ChatModel, ChatRequest, ChatResult, ChatStreamPart } from '../core/chat-model.js';
import type { ScoredChunk } from '../core/document.js';
import type { Analyzer } from '../core/lexical-index.js';
import { extractiveAnswer } from './extractive-answer.js';
import { abstentionSentence, closedBookAbstentionSentence } from './prompts/default-behaviour.js';

const noUsage = { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, cacheWriteTokens: 0 };

/**
 * The offline answerer behind the {@link ChatModel} contract: it reads the request's structured `grounding` (the
 * numbered sources and the question), quotes the sentences that best cover the question, each followed by the `[n]`
 * of its source, and replies with the fixed abstention sentence when no sentence is worth quoting. With no sources
 * (closed-book) it knows nothing and says so. No tokens, no network.
 *
 * @example
 * const model = createExtractiveChatModel({ analyzer, idf: (term) => index.idf(term) });
 * const answer = await generateAnswer(question, passages, { model, strategy: 'rag', ... });
 */
export function createExtractiveChatModel(options: {
  readonly analyzer: Analyzer;
  readonly idf: (term: string) => number;
  /** Most sentences quoted; default 3. */
  readonly maxSentences?: number;
}): ChatModel {
  const generate = (request: ChatRequest): ChatResult => {
    const grounding = request.grounding;
    const finish = (text: string): ChatResult => ({ text, usage: noUsage, finishReason: 'stop', modelId: 'extractive-v1' });
    if (grounding === undefined || grounding.sources.length === 0) return finish(closedBookAbstentionSentence);
    const passages: ScoredChunk[] = grounding.sources.map((source, index) => ({
      // The label (document and heading path) is what the reader may credit as the passage's context.
      chunk: { id: String(source.n), doc: String(source.n), title: source.label, ordinal: 0, start: 0, end: source.text.length, text: source.text, headingPath: [], tokens: 0 },
      score: 0,
      rank: index + 1,
    }));
    // Whether to answer at all was decided before the call (the answerability gate); here only the best quotes matter.
    const answer = extractiveAnswer(grounding.question, passages, {
      analyzer: options.analyzer,
      idf: options.idf,
      maxSentences: options.maxSentences ?? 3,
      passages: passages.length,
    });
    if (answer.abstained) return finish(abstentionSentence);
    return finish(answer.answer.replace(/\[(\d+)\]/g, (_, n: string) => `[${answer.citations[Number(n) - 1]?.chunkId ?? n}]`));
  };
  return {
    provider: 'extractive',
    modelId: 'extractive-v1',
    capabilities: { streaming: true, structuredOutput: false, promptCaching: false, contextWindow: Number.MAX_SAFE_INTEGER },
    doGenerate: async (request) => generate(request),
    async *doStream(request): AsyncIterable<ChatStreamPart> {
      const result = generate(request);
      yield { type: 'text-delta', text: result.text };
      yield { type: 'finish', usage: result.usage, finishReason: result.finishReason, modelId: result.modelId };
    },
  };
}
