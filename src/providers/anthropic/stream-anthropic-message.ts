import type { ChatStreamPart, FinishReason } from '../../core/chat-model.js';
import { asRecord } from '../http/as-record.js';
import { bodyReadError } from '../http/body-read-error.js';
import { parseProviderJson } from '../http/parse-provider-json.js';
import { readServerSentEvents } from '../http/read-server-sent-events.js';
import { streamEndedEarly } from '../http/stream-ended-early.js';
import { streamErrorEvent } from '../http/stream-error-event.js';
import { mapAnthropicStopReason } from './map-anthropic-stop-reason.js';
import { readAnthropicUsage } from './read-anthropic-usage.js';

/** What {@link streamAnthropicMessage} needs besides the response. */
export interface StreamAnthropicMessageContext {
  readonly providerName: string;
  /** Used when `message_start` names no model. */
  readonly fallbackModelId: string;
  /** The request's headers: their secret values are redacted from an error the server reports in the stream. */
  readonly headers: Readonly<Record<string, string>>;
  /** Structured output: stream this forced tool call's `input_json_delta`s as the text, and ignore text blocks. */
  readonly toolName?: string;
  /** The caller's signal, to tell a cancellation from a cut connection. */
  readonly signal?: AbortSignal;
}

/**
 * Turns a streamed Messages reply into {@link ChatStreamPart}s: `message_start` gives the model and input usage,
 * each `content_block_delta` with a `text_delta` (or, for structured output, an `input_json_delta`) yields a
 * `text-delta`, `message_delta` updates the stop reason and usage, and `message_stop` yields the one `finish`.
 * `ping` and unknown events are skipped, as Anthropic asks. An `error` event throws its typed error
 * (`overloaded_error` -> `PROVIDER_UNAVAILABLE`, ...); a stream without `message_stop` throws `PROVIDER_BAD_RESPONSE`
 * "stream ended early" after yielding what arrived.
 *
 * @example
 * for await (const part of streamAnthropicMessage(response, { providerName: 'anthropic', fallbackModelId: 'claude-sonnet-4-5', headers })) {
 *   if (part.type === 'text-delta') process.stdout.write(part.text);
 * }
 */
export async function* streamAnthropicMessage(response: Response, context: StreamAnthropicMessageContext): AsyncGenerator<ChatStreamPart, void, undefined> {
  let usage: Record<string, unknown> = {};
  let finishReason: FinishReason = 'other';
  let modelId = context.fallbackModelId;
  const wantedDelta = context.toolName === undefined ? 'text_delta' : 'input_json_delta';
  try {
    for await (const event of readServerSentEvents(response)) {
      const payload = asRecord(parseProviderJson(event.data, context.providerName, 'a stream event')) ?? {};
      const type = typeof payload['type'] === 'string' ? payload['type'] : event.event;
      if (type === 'error') throw streamErrorEvent(context.providerName, payload, context.headers);
      if (type === 'message_start') {
        const message = asRecord(payload['message']);
        usage = { ...asRecord(message?.['usage']) };
        if (typeof message?.['model'] === 'string' && message['model'] !== '') modelId = message['model'];
      } else if (type === 'content_block_delta') {
        const delta = asRecord(payload['delta']);
        const text = delta?.['type'] === wantedDelta ? delta[wantedDelta === 'text_delta' ? 'text' : 'partial_json'] : undefined;
        if (typeof text === 'string' && text !== '') yield { type: 'text-delta', text };
      } else if (type === 'message_delta') {
        // message_delta usage is cumulative and may repeat the input counts; later values win.
        usage = { ...usage, ...asRecord(payload['usage']) };
        const stopReason = asRecord(payload['delta'])?.['stop_reason'];
        if (stopReason !== undefined && stopReason !== null) finishReason = mapAnthropicStopReason(stopReason);
      } else if (type === 'message_stop') {
        yield { type: 'finish', usage: readAnthropicUsage(usage), finishReason, modelId };
        return;
      }
    }
  } catch (error) {
    throw bodyReadError(error, context);
  }
  throw streamEndedEarly(context.providerName, 'no message_stop event');
}
