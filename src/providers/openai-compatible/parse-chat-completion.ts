import type { ChatResult } from '../../core/chat-model.js';
import { asRecord } from '../http/as-record.js';
import { unexpectedResponse } from '../http/unexpected-response.js';
import { mapOpenAIFinishReason } from './map-openai-finish-reason.js';
import { readOpenAIUsage } from './read-openai-usage.js';

/**
 * Reads a non-streamed Chat Completions reply (`object: "chat.completion"`) into a {@link ChatResult}: the text of
 * `choices[0].message.content`, usage, finish reason and the `model` the server reports (`fallbackModelId` when it
 * reports none). A refusal without content gives empty text and finish reason `content-filter`.
 * Throws `PROVIDER_BAD_RESPONSE` when there is no `choices[0].message`.
 *
 * @example
 * const result = parseChatCompletion(await response.json(), { providerName: 'openai-compatible', fallbackModelId: 'llama3.2' });
 */
export function parseChatCompletion(json: unknown, context: { readonly providerName: string; readonly fallbackModelId: string }): ChatResult {
  const reply = asRecord(json);
  const choices = reply?.['choices'];
  const choice = asRecord(Array.isArray(choices) ? (choices[0] as unknown) : undefined);
  const message = asRecord(choice?.['message']);
  if (message === undefined) throw unexpectedResponse(context.providerName, 'the reply has no choices[0].message');
  const content = message['content'];
  if (content !== null && content !== undefined && typeof content !== 'string') {
    throw unexpectedResponse(context.providerName, 'choices[0].message.content is not a string');
  }
  const refused = typeof message['refusal'] === 'string' && message['refusal'] !== '' && !content;
  return {
    text: content ?? '',
    usage: readOpenAIUsage(reply?.['usage']),
    finishReason: refused ? 'content-filter' : mapOpenAIFinishReason(choice?.['finish_reason']),
    modelId: typeof reply?.['model'] === 'string' && reply['model'] !== '' ? reply['model'] : context.fallbackModelId,
  };
}
