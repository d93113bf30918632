import type { ChatUsage } from '../../core/chat-model.js';
import { asRecord } from '../http/as-record.js';

/**
 * Maps an Anthropic `usage` object to {@link ChatUsage}. Anthropic's `input_tokens` counts only the uncached input
 * after the last cache breakpoint, so `inputTokens` here is ALL input: `input_tokens + cache_read_input_tokens +
 * cache_creation_input_tokens` (comparable with OpenAI's `prompt_tokens`). `cachedInputTokens` is
 * `cache_read_input_tokens`, `cacheWriteTokens` is `cache_creation_input_tokens`; missing fields count 0.
 *
 * @example
 * readAnthropicUsage({ input_tokens: 6, cache_read_input_tokens: 2000, cache_creation_input_tokens: 0, output_tokens: 40 });
 * // { inputTokens: 2006, outputTokens: 40, cachedInputTokens: 2000, cacheWriteTokens: 0 }
 */
export function readAnthropicUsage(usage: unknown): ChatUsage {
  const record = asRecord(usage);
  const count = (name: string): number => {
    const value = record?.[name];
    return typeof value === 'number' && Number.isFinite(value) ? value : 0;
  };
  const cachedInputTokens = count('cache_read_input_tokens');
  const cacheWriteTokens = count('cache_creation_input_tokens');
  return {
    inputTokens: count('input_tokens') + cachedInputTokens + cacheWriteTokens,
    outputTokens: count('output_tokens'),
    cachedInputTokens,
    cacheWriteTokens,
  };
}
