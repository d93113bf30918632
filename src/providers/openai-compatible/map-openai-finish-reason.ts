import type { FinishReason } from '../../core/chat-model.js';

/**
 * Maps a Chat Completions `finish_reason` to a {@link FinishReason}: `stop` -> `stop`, `length` -> `length`,
 * `content_filter` -> `content-filter`, anything else (`tool_calls`, `function_call`, a server's own value) -> `other`.
 *
 * @example
 * mapOpenAIFinishReason('length'); // 'length'
 */
export function mapOpenAIFinishReason(finishReason: unknown): FinishReason {
  switch (finishReason) {
    case 'stop':
      return 'stop';
    case 'length':
      return 'length';
    case 'content_filter':
      return 'content-filter';
    default:
      return 'other';
  }
}
