import type { Answer } from '../core/answer.js';
import type { ChatMessage, ChatModel, ChatRequest, ChatResult, ChatUsage } from '../core/chat-model.js';
import type { ScoredChunk } from '../core/document.js';
import { GroundedError } from '../core/errors.js';
import type { TokenCounter } from '../core/token-counter.js';
import { createModelJudge } from './citations/create-model-judge.js';
import { dropUnsupportedSentences } from './citations/drop-unsupported-sentences.js';
import { verifyCitations, type CitableSource } from './citations/verify-citations.js';
import { packContext } from './context/pack-context.js';
import { abstentionMessage } from './extractive-answer.js';
import { buildClosedBookPrompt } from './prompts/build-closed-book-prompt.js';
import { buildLongContextPrompt } from './prompts/build-long-context-prompt.js';
import { buildRagPrompt } from './prompts/build-rag-prompt.js';
import { detectRefusal } from './detect-refusal.js';

import type { AnswerStrategy } from '../core/answerer.js';

export type { AnswerStrategy };

/** Dependencies and settings of {@link generateAnswer}. */
export interface GenerateAnswerOptions {
  readonly model: ChatModel;
  readonly strategy: AnswerStrategy;
  /** Real token counts for the model family (or a safe estimate). */
  readonly counter: TokenCounter;
  /** Token budget of the sources in a `rag` prompt. */
  readonly contextTokens: number;
  readonly maxOutputTokens: number;
  /**
   * The answerability gate of `rag`: the predicted probability that the passages answer the question, and the
   * threshold below which the answer abstains without calling the model. Absent: always call.
   */
  readonly gate?: { readonly answerability: number; readonly threshold: number };
  /** `long-context`: every document, in a stable order. */
  readonly documents?: () => readonly { readonly key: string; readonly text: string }[];
  /** Remove unsupported sentences and dangling markers from the answer. */
  readonly dropUnsupported: boolean;
  /** Check citation support with the model as an entailment judge instead of lexical overlap. */
  readonly judgeCitations?: boolean;
  /** Streams text as it arrives (the model must support streaming). */
  readonly onDelta?: (text: string) => void;
  readonly signal?: AbortSignal;
}

/** An answer from a model, with what checking its citations found and what it cost in tokens. */
export interface GeneratedAnswer extends Omit<Answer, 'timings'> {
  readonly strategy: AnswerStrategy;
  readonly modelId: string;
  /** False when the answer abstained before generation (no tokens spent). */
  readonly calledModel: boolean;
  /** Which gate abstained: the answerability gate before the call, or the model itself (its reply refused); null when it answered. */
  readonly abstainedBy: 'gate' | 'model' | null;
  readonly usage: ChatUsage | null;
  /** Cited sentences their sources do not support (before any dropping). */
  readonly unsupportedSentences: number;
  /** Markers that point at no provided source, e.g. `[7]` with three sources. */
  readonly danglingMarkers: readonly number[];
}

/**
 * Answers a question with a chat model under a strategy, then checks the answer: every `[n]` must map to a provided
 * source and each cited sentence must be supported by its sources (lexical overlap). A reply that says it cannot
 * answer from the sources is reported as `abstained: true`. With `rag`, an answerability below the gate's threshold
 * abstains before the model is called (saving its cost).
 *
 * @example
 * const answer = await generateAnswer('How do I enable gzip?', passages, { model, strategy: 'rag', counter, ... });
 */
export async function generateAnswer(
  question: string,
  passages: readonly ScoredChunk[],
  options: GenerateAnswerOptions,
): Promise<GeneratedAnswer> {
  const base = { question, strategy: options.strategy, modelId: options.model.modelId };
  const confidence = options.gate?.answerability ?? 1;
  if (options.strategy === 'rag' && options.gate !== undefined && options.gate.answerability < options.gate.threshold) {
    return { ...base, ...abstained(confidence), calledModel: false, abstainedBy: 'gate', usage: null };
  }
  const { messages, sources } = prompt(question, passages, options);
  const grounding = {
    question,
    sources: sources.map(({ n, passage }) => ({ n, text: passage.chunk.text, label: [passage.chunk.doc, ...passage.chunk.headingPath].join(' › ') })),
  };
  const request: ChatRequest = {
    messages,
    grounding,
    maxOutputTokens: options.maxOutputTokens,
    temperature: 0,
    ...(options.signal ? { signal: options.signal } : {}),
  };
  const reply = await complete(options.model, request, options.onDelta);
  if (detectRefusal(reply.text)) {
    return { ...base, ...abstained(confidence), calledModel: true, abstainedBy: 'model', usage: reply.usage, modelId: reply.modelId };
  }
  let usage = reply.usage;
  const onUsage = (more: ChatUsage): void => {
    usage = addUsage(usage, more);
  };
  const judge = createModelJudge(options.model, { onUsage, ...(options.signal ? { signal: options.signal } : {}) });
  const verification = await verifyCitations(reply.text, sources, options.judgeCitations === true ? { judge } : {});
  const called = { calledModel: true, abstainedBy: null, usage, modelId: reply.modelId };
  const kept = options.dropUnsupported ? dropUnsupportedSentences(reply.text, verification) : undefined;
  return {
    ...base,
    ...called,
    answer: kept?.text ?? reply.text,
    abstained: false,
    citations: kept?.citations ?? verification.citations,
    confidence,
    unsupportedSentences: verification.unsupported,
    danglingMarkers: verification.dangling,
  };
}

function addUsage(a: ChatUsage, b: ChatUsage): ChatUsage {
  return {
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    cachedInputTokens: a.cachedInputTokens + b.cachedInputTokens,
    cacheWriteTokens: a.cacheWriteTokens + b.cacheWriteTokens,
  };
}

function abstained(confidence: number) {
  return { answer: abstentionMessage, abstained: true, citations: [], confidence, unsupportedSentences: 0, danglingMarkers: [] };
}

function prompt(
  question: string,
  passages: readonly ScoredChunk[],
  options: GenerateAnswerOptions,
): { messages: ChatMessage[]; sources: CitableSource[] } {
  if (options.strategy === 'closed-book') return { messages: buildClosedBookPrompt({ question }), sources: [] };
  if (options.strategy === 'long-context') {
    const documents = options.documents?.() ?? [];
    const messages = buildLongContextPrompt({ question, documents });
    const tokens = messages.reduce((sum, message) => sum + options.counter.count(message.content), 0);
    const window = options.model.capabilities.contextWindow - options.maxOutputTokens;
    if (tokens > window) {
      throw new GroundedError('INVALID_ARGUMENT', `the whole corpus is ${tokens} tokens; ${options.model.modelId} has room for ${window}`, {
        hint: 'use --strategy rag, or a model with a larger context window',
        details: { tokens, window },
      });
    }
    const sources = documents.map((document, index) => ({ n: index + 1, passage: wholeDocument(document) }));
    return { messages, sources };
  }
  const packed = packContext(passages, { budgetTokens: options.contextTokens, counter: options.counter });
  return { messages: buildRagPrompt({ question, sources: packed.sources }), sources: packed.sources };
}

/** A whole document as a passage, so long-context citations are checked like retrieved ones. */
function wholeDocument(document: { key: string; text: string }): ScoredChunk {
  return {
    chunk: { id: `${document.key}#all`, doc: document.key, title: '', ordinal: 0, start: 0, end: document.text.length, text: document.text, headingPath: [], tokens: 0 },
    score: 0,
    rank: 0,
  };
}

async function complete(model: ChatModel, request: ChatRequest, onDelta: ((text: string) => void) | undefined): Promise<ChatResult> {
  if (onDelta === undefined || !model.capabilities.streaming) {
    const result = await model.doGenerate(request);
    onDelta?.(result.text);
    return result;
  }
  let text = '';
  for await (const part of model.doStream(request)) {
    if (part.type === 'text-delta') {
      text += part.text;
      onDelta(part.text);
    } else {
      return { text, usage: part.usage, finishReason: part.finishReason, modelId: part.modelId };
    }
  }
  throw new GroundedError('PROVIDER_BAD_RESPONSE', `${model.provider} stream ended without a finish event`, {
    hint: 'retry; if it persists, check the server or proxy between you and the model',
  });
}
