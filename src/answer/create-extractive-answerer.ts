import type { Answerer } from '../core/answerer.js';
import type { TokenCounter } from '../core/token-counter.js';
import { createExtractiveChatModel } from './create-extractive-chat-model.js';
import { generateAnswer } from './generate-answer.js';

/** Settings of {@link createExtractiveAnswerer}. */
export interface ExtractiveAnswererOptions {
  /** Counts prompt tokens for packing (an estimate is enough: nothing is paid). */
  readonly counter: TokenCounter;
  /** Top passages read. Default 5. */
  readonly passages?: number;
  /** Most sentences quoted. Default 3. */
  readonly maxSentences?: number;
  /** Answerability below which it abstains; default the calibrated model's `threshold`. */
  readonly minAnswerability?: number;
  /** Token budget of the packed sources. Default 6,000. */
  readonly contextTokens?: number;
  /** Default 800. */
  readonly maxOutputTokens?: number;
  /** Remove unsupported sentences and dangling markers. Default false. */
  readonly dropUnsupported?: boolean;
}

/**
 * The offline answerer: quotes the sentences of the top passages that best cover the question, each with the `[n]` of
 * its source, through the same prompt and citation checks a model's reply goes through. Offline, the answerability
 * gate decides whether to answer at all (the calibrated model's `threshold`). No tokens, no network, no cost.
 *
 * @example
 * const answerer = createExtractiveAnswerer({ counter: createApproximateTokenCounter() });
 */
export function createExtractiveAnswerer(options: ExtractiveAnswererOptions): Answerer {
  const passages = options.passages ?? 5;
  const maxSentences = options.maxSentences ?? 3;
  return {
    provider: 'extractive',
    modelId: null,
    settings: { provider: 'extractive' },
    async answer(request) {
      const model = createExtractiveChatModel({ analyzer: request.reading.analyzer, idf: request.reading.idf, maxSentences });
      const gate = request.answerability;
      const generated = await generateAnswer(request.question, request.passages.slice(0, passages), {
        model,
        strategy: request.strategy,
        counter: options.counter,
        contextTokens: options.contextTokens ?? 6_000,
        maxOutputTokens: options.maxOutputTokens ?? 800,
        ...(gate === undefined ? {} : { gate: { answerability: gate.value, threshold: options.minAnswerability ?? gate.model.threshold } }),
        ...(request.documents === undefined ? {} : { documents: () => request.documents ?? [] }),
        dropUnsupported: options.dropUnsupported ?? false,
        ...(request.onDelta === undefined ? {} : { onDelta: request.onDelta }),
        ...(request.signal === undefined ? {} : { signal: request.signal }),
      });
      return { ...generated, calledModel: false, usage: null, costUsd: 0 };
    },
  };
}
