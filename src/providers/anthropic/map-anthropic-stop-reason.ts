import type { FinishReason } from '../../core/chat-model.js';

/**
 * Maps an Anthropic `stop_reason` to a {@link FinishReason}: `end_turn`, `stop_sequence` and `tool_use` -> `stop`
 * (the only tool call is the forced one that carries structured output), `max_tokens` and
 * `model_context_window_exceeded` -> `length`, `refusal` -> `content-filter`, anything else -> `other`.
 *
 * @example
 * mapAnthropicStopReason('max_tokens'); // 'length'
 */
export function mapAnthropicStopReason(stopReason: unknown): FinishReason {
  switch (stopReason) {
    case 'end_turn':
    case 'stop_sequence':
    case 'tool_use':
      return 'stop';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'refusal':
      return 'content-filter';
    default:
      return 'other';
  }
}
