import type { GroundedConfig } from '../config/config-schema.js';
import type { ChatModel } from '../core/chat-model.js';
import { GroundedError } from '../core/errors.js';
import { createAnthropicChatModel } from '../providers/anthropic/create-anthropic-chat-model.js';
import { createOpenAICompatibleChatModel } from '../providers/openai-compatible/create-openai-compatible-chat-model.js';

/**
 * The configured chat model, or undefined for the offline extractive answerer (the default). The only place that
 * names concrete providers.
 *
 * @example
 * const model = createChatModel(loadConfig()); // GROUNDED_LLM_PROVIDER=openai-compatible, ...
 */
export function createChatModel(config: GroundedConfig): ChatModel | undefined {
  const llm = config.llm;
  if (llm.provider === 'extractive') return undefined;
  if (llm.model === undefined) {
    throw new GroundedError('INVALID_CONFIG', `the ${llm.provider} provider needs a model name`, {
      hint: 'set GROUNDED_LLM_MODEL (or llm.model in grounded.config.json)',
    });
  }
  const common = {
    model: llm.model,
    timeoutMs: llm.timeoutMs,
    maxRetries: llm.maxRetries,
    ...(llm.apiKey === undefined ? {} : { apiKey: llm.apiKey }),
    ...(llm.contextWindow === undefined ? {} : { contextWindow: llm.contextWindow }),
  };
  if (llm.provider === 'anthropic') {
    return createAnthropicChatModel({ ...common, maxOutputTokens: llm.maxOutputTokens, ...(llm.baseUrl === undefined ? {} : { baseUrl: llm.baseUrl }) });
  }
  if (llm.baseUrl === undefined) {
    throw new GroundedError('INVALID_CONFIG', 'the openai-compatible provider needs a base URL', {
      hint: 'set GROUNDED_LLM_BASE_URL, e.g. http://127.0.0.1:11434/v1 for a local server',
    });
  }
  return createOpenAICompatibleChatModel({ ...common, baseUrl: llm.baseUrl });
}
