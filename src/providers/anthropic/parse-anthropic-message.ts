import type { ChatResult } from '../../core/chat-model.js';
import { asRecord } from '../http/as-record.js';
import { unexpectedResponse } from '../http/unexpected-response.js';
import { mapAnthropicStopReason } from './map-anthropic-stop-reason.js';
import { readAnthropicUsage } from './read-anthropic-usage.js';

/**
 * Reads a non-streamed Messages reply (`type: "message"`) into a {@link ChatResult}. The text is the joined `text`
 * blocks, or, when `toolName` is given (structured output), the JSON of that `tool_use` block's `input`.
 * Throws `PROVIDER_BAD_RESPONSE` when `content` is missing or the expected tool call is absent.
 *
 * @example
 * const result = parseAnthropicMessage(await response.json(), { providerName: 'anthropic', fallbackModelId: 'claude-sonnet-4-5' });
 */
export function parseAnthropicMessage(
  json: unknown,
  context: { readonly providerName: string; readonly fallbackModelId: string; readonly toolName?: string },
): ChatResult {
  const message = asRecord(json);
  const content = message?.['content'];
  if (!Array.isArray(content)) throw unexpectedResponse(context.providerName, 'the reply has no content array');
  const blocks = content.map((block: unknown) => asRecord(block) ?? {});
  let text: string;
  if (context.toolName !== undefined) {
    const call = blocks.find((block) => block['type'] === 'tool_use' && block['name'] === context.toolName);
    if (call === undefined) throw unexpectedResponse(context.providerName, `the reply has no ${context.toolName} tool call`);
    text = JSON.stringify(call['input'] ?? {});
  } else {
    text = blocks.map((block) => (block['type'] === 'text' && typeof block['text'] === 'string' ? block['text'] : '')).join('');
  }
  return {
    text,
    usage: readAnthropicUsage(message?.['usage']),
    finishReason: mapAnthropicStopReason(message?.['stop_reason']),
    modelId: typeof message?.['model'] === 'string' && message['model'] !== '' ? message['model'] : context.fallbackModelId,
  };
}
