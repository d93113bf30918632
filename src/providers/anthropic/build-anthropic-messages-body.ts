import type { ChatMessage, ChatRequest } from '../../core/chat-model.js';
import { GroundedError } from '../../core/errors.js';

type TextBlock = { type: 'text'; text: string; cache_control?: { type: 'ephemeral' } };

/**
 * The JSON body of an Anthropic Messages request. System messages move, in order, to the top-level `system` array
 * of text blocks. A message with `cacheBreakpoint` is sent as an array holding one text block with
 * `cache_control: { type: 'ephemeral' }` (other messages keep plain string content), so the cache covers everything
 * up to and including it. `responseSchema` becomes a forced tool call (`tools` + `tool_choice`), because this API
 * version has no JSON-schema response format; the schema must describe an object, as tool inputs are objects.
 * `temperature` defaults to 0 and `max_tokens` to `defaultMaxOutputTokens`.
 *
 * @example
 * buildAnthropicMessagesBody('claude-sonnet-4-5', { messages: [{ role: 'user', content: 'Hi' }] }, { stream: false, defaultMaxOutputTokens: 1024 });
 * // { model: 'claude-sonnet-4-5', max_tokens: 1024, temperature: 0, messages: [{ role: 'user', content: 'Hi' }] }
 */
export function buildAnthropicMessagesBody(
  model: string,
  request: ChatRequest,
  options: { readonly stream: boolean; readonly defaultMaxOutputTokens: number },
): Record<string, unknown> {
  const system = request.messages.filter((message) => message.role === 'system').map(textBlock);
  const body: Record<string, unknown> = {
    model,
    max_tokens: request.maxOutputTokens ?? options.defaultMaxOutputTokens,
    temperature: request.temperature ?? 0,
  };
  if (system.length > 0) body['system'] = system;
  body['messages'] = request.messages
    .filter((message) => message.role !== 'system')
    .map((message) => ({ role: message.role, content: message.cacheBreakpoint === true ? [textBlock(message)] : message.content }));
  if (request.responseSchema !== undefined) {
    const { name, schema } = request.responseSchema;
    if (schema['type'] !== 'object') {
      throw new GroundedError('INVALID_ARGUMENT', `structured output schema '${name}' must describe an object for Anthropic`, {
        details: { schemaName: name, type: schema['type'] },
        hint: 'wrap the value in an object schema, e.g. { type: "object", properties: { value: ... } }',
      });
    }
    body['tools'] = [{ name, description: `Reply with the ${name} object.`, input_schema: schema }];
    body['tool_choice'] = { type: 'tool', name };
  }
  if (options.stream) body['stream'] = true;
  return body;
}

function textBlock(message: ChatMessage): TextBlock {
  return message.cacheBreakpoint === true
    ? { type: 'text', text: message.content, cache_control: { type: 'ephemeral' } }
    : { type: 'text', text: message.content };
}
