import type { ChatModel, ChatRequest, ChatResult, ChatStreamPart } from '../../core/chat-model.js';
import { normalizeBaseUrl } from '../http/normalize-base-url.js';
import type { HttpChatModelOptions } from '../http/http-chat-model-options.js';
import { postChatRequest } from '../http/post-chat-request.js';
import { readJsonBody } from '../http/read-json-body.js';
import { buildAnthropicMessagesBody } from './build-anthropic-messages-body.js';
import { parseAnthropicMessage } from './parse-anthropic-message.js';
import { streamAnthropicMessage } from './stream-anthropic-message.js';

/** Options of {@link createAnthropicChatModel}; `contextWindow` defaults to 200 000. */
export interface AnthropicChatModelOptions extends HttpChatModelOptions {
  /** Default `https://api.anthropic.com`. */
  readonly baseUrl?: string;
  /** `max_tokens` when the request sets no `maxOutputTokens` (Anthropic requires one). Default 1024. */
  readonly maxOutputTokens?: number;
}

const providerName = 'anthropic';

/**
 * A {@link ChatModel} over the Anthropic Messages API (`anthropic-version: 2023-06-01`): system messages as the
 * top-level `system`, `cacheBreakpoint` as `cache_control: { type: 'ephemeral' }`, structured output as a forced
 * tool call whose input JSON is returned as the text, streaming from the `message_*` / `content_block_*` events.
 * Usage counts all input, cached included, in `inputTokens` (see `read-anthropic-usage.ts`). Retries and errors as in {@link postJson}.
 *
 * @example
 * const model = createAnthropicChatModel({ model: 'claude-sonnet-4-5', apiKey: process.env.GROUNDED_LLM_API_KEY });
 * const { text } = await model.doGenerate({
 *   messages: [{ role: 'system', content: longSources, cacheBreakpoint: true }, { role: 'user', content: 'Which port?' }],
 * });
 */
export function createAnthropicChatModel(options: AnthropicChatModelOptions): ChatModel {
  const url = `${normalizeBaseUrl(options.baseUrl ?? 'https://api.anthropic.com')}/v1/messages`;
  const defaultMaxOutputTokens = options.maxOutputTokens ?? 1024;
  const headers: Record<string, string> = {
    'anthropic-version': '2023-06-01',
    ...(options.apiKey === undefined || options.apiKey === '' ? {} : { 'x-api-key': options.apiKey }),
  };
  const post = (request: ChatRequest, stream: boolean): Promise<Response> =>
    postChatRequest(options, request, {
      providerName,
      url,
      stream,
      headers,
      body: buildAnthropicMessagesBody(options.model, request, { stream, defaultMaxOutputTokens }),
    });
  const contextOf = (request: ChatRequest) => ({
    providerName,
    fallbackModelId: options.model,
    toolName: request.responseSchema?.name,
    headers: { ...options.headers, ...headers },
    signal: request.signal,
  });
  return {
    provider: providerName,
    modelId: options.model,
    capabilities: { streaming: true, structuredOutput: true, promptCaching: true, contextWindow: options.contextWindow ?? 200_000 },
    async doGenerate(request: ChatRequest): Promise<ChatResult> {
      const response = await post(request, false);
      return parseAnthropicMessage(await readJsonBody(response, { providerName, signal: request.signal }), contextOf(request));
    },
    async *doStream(request: ChatRequest): AsyncGenerator<ChatStreamPart, void, undefined> {
      const response = await post(request, true);
      yield* streamAnthropicMessage(response, contextOf(request));
    },
  };
}
