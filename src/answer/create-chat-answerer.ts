import type { Answerer } from '../core/answerer.js';
import type { ChatModel } from '../core/chat-model.js';
import { createTokenCounterForModel } from './context/create-token-counter-for-model.js';
import { estimateCost, type ModelPricing } from './estimate-cost.js';
import { generateAnswer } from './generate-answer.js';

/** Settings of {@link createChatAnswerer}; defaults are the config's `llm` defaults. */
export interface ChatAnswererOptions {
  readonly model: ChatModel;
  /** Token budget of the sources in a `rag` prompt. Default 6,000. */
  readonly contextTokens?: number;
  /** Default 800. */
  readonly maxOutputTokens?: number;
  /** Abstain without calling the model when answerability is below the threshold. Default true. */
  readonly abstainBeforeGeneration?: boolean;
  /** That threshold; default the calibrated model's `modelThreshold` (lower than the offline one: the model decides). */
  readonly minAnswerability?: number;
  /** Remove unsupported sentences and dangling markers. Default false. */
  readonly dropUnsupported?: boolean;
  /** Check citations with the model as an entailment judge. Default false. */
  readonly judgeCitations?: boolean;
  /** USD per token of the model, for `costUsd`; absent: cost null. */
  readonly pricing?: ModelPricing;
}

/**
 * An answerer wrapping any {@link ChatModel}: packs the passages into a layered prompt, streams the reply, checks every
 * `[n]` against its source. Only a very low answerability keeps the question from the model (the lower threshold);
 * otherwise the model decides whether it can answer.
 *
 * @example
 * const answerer = createChatAnswerer({ model: createOpenAICompatibleChatModel({ baseUrl, model: 'qwen2.5' }) });
 */
export function createChatAnswerer(options: ChatAnswererOptions): Answerer {
  const { model } = options;
  const contextTokens = options.contextTokens ?? 6_000;
  const maxOutputTokens = options.maxOutputTokens ?? 800;
  const dropUnsupported = options.dropUnsupported ?? false;
  const gated = options.abstainBeforeGeneration ?? true;
  const counter = createTokenCounterForModel(model.modelId);
  return {
    provider: model.provider,
    modelId: model.modelId,
    settings: {
      provider: model.provider,
      model: model.modelId,
      contextTokens,
      maxOutputTokens,
      dropUnsupported,
      llmMinAnswerability: options.minAnswerability ?? null,
      abstainBeforeGeneration: gated,
    },
    async answer(request) {
      const gate = request.answerability;
      const generated = await generateAnswer(request.question, request.passages, {
        model,
        strategy: request.strategy,
        counter,
        contextTokens,
        maxOutputTokens,
        ...(gated && gate !== undefined ? { gate: { answerability: gate.value, threshold: options.minAnswerability ?? gate.model.modelThreshold } } : {}),
        ...(request.documents === undefined ? {} : { documents: () => request.documents ?? [] }),
        dropUnsupported,
        judgeCitations: options.judgeCitations ?? false,
        ...(request.onDelta === undefined ? {} : { onDelta: request.onDelta }),
        ...(request.signal === undefined ? {} : { signal: request.signal }),
      });
      const costUsd = generated.usage === null ? 0 : estimateCost(generated.usage, options.pricing);
      return { ...generated, costUsd };
    },
  };
}
