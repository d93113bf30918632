import type { ChatUsage } from '../../core/chat-model.js';
import { asRecord } from '../http/as-record.js';

/**
 * Maps a Chat Completions `usage` object to {@link ChatUsage}: `prompt_tokens` (which already include the cached
 * ones) -> `inputTokens`, `completion_tokens` -> `outputTokens`, `prompt_tokens_details.cached_tokens` ->
 * `cachedInputTokens`. These servers report no cache writes (`cacheWriteTokens` 0); missing fields count 0, since
 * some local servers omit usage entirely.
 *
 * @example
 * readOpenAIUsage({ prompt_tokens: 20, completion_tokens: 5, prompt_tokens_details: { cached_tokens: 16 } });
 * // { inputTokens: 20, outputTokens: 5, cachedInputTokens: 16, cacheWriteTokens: 0 }
 */
export function readOpenAIUsage(usage: unknown): ChatUsage {
  const record = asRecord(usage);
  const count = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
  return {
    inputTokens: count(record?.['prompt_tokens']),
    outputTokens: count(record?.['completion_tokens']),
    cachedInputTokens: count(asRecord(record?.['prompt_tokens_details'])?.['cached_tokens']),
    cacheWriteTokens: 0,
  };
}
