import type { ChatRequest } from '../../core/chat-model.js';

/**
 * The JSON body of a Chat Completions request. `cacheBreakpoint` is dropped: OpenAI, vLLM, llama.cpp and Ollama
 * reuse identical prompt prefixes by themselves. `temperature` defaults to 0; `responseSchema` becomes a strict
 * `json_schema` response format; streaming asks for the final usage chunk (`stream_options.include_usage`).
 *
 * @example
 * buildChatCompletionsBody('llama3.2', { messages: [{ role: 'user', content: 'Hi' }] }, { stream: false });
 * // { model: 'llama3.2', messages: [{ role: 'user', content: 'Hi' }], temperature: 0 }
 */
export function buildChatCompletionsBody(model: string, request: ChatRequest, options: { readonly stream: boolean }): Record<string, unknown> {
  const body: Record<string, unknown> = {
    model,
    messages: request.messages.map((message) => ({ role: message.role, content: message.content })),
    temperature: request.temperature ?? 0,
  };
  if (request.maxOutputTokens !== undefined) body['max_tokens'] = request.maxOutputTokens;
  if (request.responseSchema !== undefined) {
    body['response_format'] = {
      type: 'json_schema',
      json_schema: { name: request.responseSchema.name, schema: request.responseSchema.schema, strict: true },
    };
  }
  if (options.stream) {
    body['stream'] = true;
    body['stream_options'] = { include_usage: true };
  }
  return body;
}
