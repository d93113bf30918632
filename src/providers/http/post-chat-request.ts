import type { ChatRequest } from '../../core/chat-model.js';
import type { HttpChatModelOptions } from './http-chat-model-options.js';
import { postJson } from './post-json.js';

/**
 * Posts one chat request for an adapter: the adapter's own URL, auth and protocol headers and body; the shared
 * settings (timeouts, retries, user headers, test seams) and the request's cancellation come from here, so every
 * adapter treats them alike.
 *
 * @example
 * const response = await postChatRequest(options, request, {
 *   providerName: 'openai-compatible', url, stream: true, authHeaders: { authorization: `Bearer ${key}` }, body,
 * });
 */
export function postChatRequest(
  options: HttpChatModelOptions,
  request: ChatRequest,
  call: {
    readonly providerName: string;
    readonly url: string;
    readonly stream: boolean;
    /** Protocol and auth headers; applied over the user's `headers`. */
    readonly headers: Readonly<Record<string, string>>;
    readonly body: unknown;
  },
): Promise<Response> {
  return postJson({
    url: call.url,
    headers: { ...options.headers, ...(call.stream ? { accept: 'text/event-stream' } : {}), ...call.headers },
    body: call.body,
    timeoutMs: options.timeoutMs,
    maxRetries: options.maxRetries,
    signal: request.signal,
    sleep: options.sleep,
    random: options.random,
    fetch: options.fetch,
    providerName: call.providerName,
  });
}
