import type { ChatStreamPart, ChatUsage, FinishReason } from '../../core/chat-model.js';
import { asRecord } from '../http/as-record.js';
import { bodyReadError } from '../http/body-read-error.js';
import { parseProviderJson } from '../http/parse-provider-json.js';
import { readServerSentEvents } from '../http/read-server-sent-events.js';
import { streamEndedEarly } from '../http/stream-ended-early.js';
import { streamErrorEvent } from '../http/stream-error-event.js';
import { mapOpenAIFinishReason } from './map-openai-finish-reason.js';
import { readOpenAIUsage } from './read-openai-usage.js';

/** What {@link streamChatCompletion} needs besides the response. */
export interface StreamChatCompletionContext {
  readonly providerName: string;
  /** Used when no chunk names the model. */
  readonly fallbackModelId: string;
  /** The request's headers: their secret values are redacted from an error the server reports in the stream. */
  readonly headers: Readonly<Record<string, string>>;
  /** The caller's signal, to tell a cancellation from a cut connection. */
  readonly signal?: AbortSignal;
}

/**
 * Turns a streamed Chat Completions reply (`chat.completion.chunk` events) into {@link ChatStreamPart}s:
 * a `text-delta` per non-empty `choices[0].delta.content`, then one `finish` at `data: [DONE]` carrying the usage
 * of the final usage chunk (zeros when the server sent none). A stream that ends before `[DONE]` throws
 * `PROVIDER_BAD_RESPONSE` "stream ended early" after yielding what arrived; malformed JSON in an event throws
 * `PROVIDER_BAD_RESPONSE`; an `{"error": ...}` chunk throws the matching typed error.
 *
 * @example
 * for await (const part of streamChatCompletion(response, { providerName: 'openai-compatible', fallbackModelId: 'llama3.2', headers })) {
 *   if (part.type === 'text-delta') process.stdout.write(part.text);
 * }
 */
export async function* streamChatCompletion(response: Response, context: StreamChatCompletionContext): AsyncGenerator<ChatStreamPart, void, undefined> {
  let usage: ChatUsage = readOpenAIUsage(undefined);
  let finishReason: FinishReason = 'other';
  let modelId = context.fallbackModelId;
  try {
    for await (const event of readServerSentEvents(response)) {
      if (event.data === '[DONE]') {
        yield { type: 'finish', usage, finishReason, modelId };
        return;
      }
      const chunk = asRecord(parseProviderJson(event.data, context.providerName, 'a stream event'));
      if (chunk?.['error'] !== undefined) throw streamErrorEvent(context.providerName, chunk, context.headers);
      if (typeof chunk?.['model'] === 'string' && chunk['model'] !== '') modelId = chunk['model'];
      if (asRecord(chunk?.['usage']) !== undefined) usage = readOpenAIUsage(chunk?.['usage']);
      const choices = chunk?.['choices'];
      const choice = asRecord(Array.isArray(choices) ? (choices[0] as unknown) : undefined);
      if (choice?.['finish_reason'] !== undefined && choice['finish_reason'] !== null) {
        finishReason = mapOpenAIFinishReason(choice['finish_reason']);
      }
      const content = asRecord(choice?.['delta'])?.['content'];
      if (typeof content === 'string' && content !== '') yield { type: 'text-delta', text: content };
    }
  } catch (error) {
    throw bodyReadError(error, context);
  }
  throw streamEndedEarly(context.providerName, 'no [DONE] event');
}
