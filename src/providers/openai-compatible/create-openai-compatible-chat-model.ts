import type { ChatModel, ChatRequest, ChatResult, ChatStreamPart } from '../../core/chat-model.js';
import { normalizeBaseUrl } from '../http/normalize-base-url.js';
import type { HttpChatModelOptions } from '../http/http-chat-model-options.js';
import { postChatRequest } from '../http/post-chat-request.js';
import { readJsonBody } from '../http/read-json-body.js';
import { buildChatCompletionsBody } from './build-chat-completions-body.js';
import { parseChatCompletion } from './parse-chat-completion.js';
import { streamChatCompletion } from './stream-chat-completion.js';

/** Options of {@link createOpenAICompatibleChatModel}; `contextWindow` defaults to 128 000. */
export interface OpenAICompatibleChatModelOptions extends HttpChatModelOptions {
  /** The API root that `/chat/completions` hangs off, e.g. `http://127.0.0.1:11434/v1` (Ollama) or `https://api.openai.com/v1`. */
  readonly baseUrl: string;
}

const providerName = 'openai-compatible';

/**
 * A {@link ChatModel} over the OpenAI Chat Completions API, as served by OpenAI, vLLM, llama.cpp, Ollama, LM Studio
 * and others: POST `${baseUrl}/chat/completions`, retries and typed errors as in {@link postJson}, structured output
 * with a strict `json_schema` response format, streaming with a final usage chunk.
 *
 * @example
 * const model = createOpenAICompatibleChatModel({ baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.2' });
 * const { text, usage } = await model.doGenerate({ messages: [{ role: 'user', content: 'Say hi' }] });
 */
export function createOpenAICompatibleChatModel(options: OpenAICompatibleChatModelOptions): ChatModel {
  const url = `${normalizeBaseUrl(options.baseUrl)}/chat/completions`;
  const authHeaders: Record<string, string> = options.apiKey === undefined || options.apiKey === '' ? {} : { authorization: `Bearer ${options.apiKey}` };
  const context = { providerName, fallbackModelId: options.model, headers: { ...options.headers, ...authHeaders } };
  const post = (request: ChatRequest, stream: boolean): Promise<Response> =>
    postChatRequest(options, request, {
      providerName,
      url,
      stream,
      headers: authHeaders,
      body: buildChatCompletionsBody(options.model, request, { stream }),
    });
  return {
    provider: providerName,
    modelId: options.model,
    capabilities: {
      streaming: true,
      structuredOutput: true,
      // These servers cache repeated prompt prefixes on their own, so a stable prefix pays off without markers.
      promptCaching: true,
      contextWindow: options.contextWindow ?? 128_000,
    },
    async doGenerate(request: ChatRequest): Promise<ChatResult> {
      const response = await post(request, false);
      return parseChatCompletion(await readJsonBody(response, { providerName, signal: request.signal }), context);
    },
    async *doStream(request: ChatRequest): AsyncGenerator<ChatStreamPart, void, undefined> {
      const response = await post(request, true);
      yield* streamChatCompletion(response, { ...context, signal: request.signal });
    },
  };
}
