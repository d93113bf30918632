import type { ServerResponse } from 'node:http';
import type { LoopbackBehaviour, LoopbackHandler, LoopbackServer, RecordedRequest } from './loopback-behaviour.js';
import { sendJson } from './send-json.js';
import { startLoopbackServer } from './start-loopback-server.js';
import { writeEventStream } from './write-event-stream.js';

// Shapes follow replies recorded from api.anthropic.com (anthropic-version 2023-06-01) in 2025, trimmed.
const defaultModel = 'claude-sonnet-4-5-20250929';
const errorTypes: Readonly<Record<number, string>> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

type ReplyBehaviour = Extract<LoopbackBehaviour, { type: 'reply' }>;
type SseEvent = { event: string; data: string };

/**
 * Starts a loopback server speaking the Anthropic Messages protocol at `${baseUrl}/v1/messages` (`baseUrl` is the
 * bare origin), answering each request as `handler` scripts it (see {@link LoopbackBehaviour}). A request that forces
 * a tool (`tool_choice: { type: 'tool' }`) is answered with a `tool_use` block whose input is the reply text parsed as
 * JSON (streamed as `input_json_delta`s). Streams send `message_start`, `content_block_start`, `ping`, deltas,
 * `content_block_stop`, `message_delta`, `message_stop`; errors have Anthropic's `{ type: 'error', error }` shape.
 *
 * @example
 * const server = await startAnthropicServer([{ type: 'reply', text: 'Paris', usage: { cache_read_input_tokens: 1800 } }]);
 * const model = createAnthropicChatModel({ baseUrl: server.baseUrl, model: 'claude-sonnet-4-5', apiKey: 'test' });
 * try { await model.doGenerate({ messages: [{ role: 'user', content: 'Capital of France?' }] }); } finally { await server.close(); }
 */
export function startAnthropicServer(handler: LoopbackHandler): Promise<LoopbackServer> {
  return startLoopbackServer(handler, '', renderAnthropic);
}

async function renderAnthropic(behaviour: LoopbackBehaviour, request: RecordedRequest, response: ServerResponse, signal: AbortSignal): Promise<void> {
  if (request.method !== 'POST' || request.path !== '/v1/messages') {
    sendJson(response, 404, anthropicError('not_found_error', `Not found: ${request.method} ${request.path}`));
    return;
  }
  const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<string, unknown>;
  const streaming = body['stream'] === true;
  const choice = body['tool_choice'] as { type?: unknown; name?: unknown } | undefined;
  const toolName = choice?.type === 'tool' && typeof choice.name === 'string' ? choice.name : undefined;
  switch (behaviour.type) {
    case 'status': {
      const type = errorTypes[behaviour.status] ?? (behaviour.status >= 500 ? 'api_error' : 'invalid_request_error');
      const payload = behaviour.body ?? anthropicError(type, behaviour.message ?? `loopback ${type}`);
      sendJson(response, behaviour.status, payload, { 'request-id': 'req_loopback', ...behaviour.headers });
      return;
    }
    case 'malformed':
      if (!streaming) {
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"msg_loopback","type":"message","content":[{"type":"te');
        return;
      }
      await writeEventStream(response, [replyEvents({ type: 'reply', text: 'x' }, undefined)[0] as SseEvent, { event: 'content_block_delta', data: '{"type":"content_block_delta","index":0,"delta":{"ty' }], { signal });
      return;
    case 'stream-error': {
      const events: SseEvent[] = replyEvents({ type: 'reply', text: 'partial reply before the error' }, undefined).slice(0, behaviour.afterEvents ?? 2);
      events.push({ event: 'error', data: JSON.stringify(anthropicError(behaviour.errorType, behaviour.message)) });
      await writeEventStream(response, events, { signal });
      return;
    }
    case 'reply':
      if (!streaming) sendJson(response, 200, message(behaviour, toolName), { 'request-id': 'req_loopback' });
      else await writeEventStream(response, replyEvents(behaviour, toolName), { signal, eventDelayMs: behaviour.eventDelayMs, cutAfterEvents: behaviour.cutAfterEvents });
  }
}

function message(behaviour: ReplyBehaviour, toolName: string | undefined): Record<string, unknown> {
  const content = toolName === undefined
    ? [{ type: 'text', text: behaviour.text }]
    : [{ type: 'tool_use', id: 'toolu_loopback', name: toolName, input: JSON.parse(behaviour.text) as unknown }];
  return {
    id: 'msg_loopback',
    type: 'message',
    role: 'assistant',
    model: behaviour.model ?? defaultModel,
    content,
    stop_reason: behaviour.finishReason ?? (toolName === undefined ? 'end_turn' : 'tool_use'),
    stop_sequence: null,
    usage: usage(behaviour),
  };
}

function replyEvents(behaviour: ReplyBehaviour, toolName: string | undefined): SseEvent[] {
  const event = (type: string, payload: Record<string, unknown>): SseEvent => ({ event: type, data: JSON.stringify({ type, ...payload }) });
  const full = message(behaviour, toolName);
  const finalUsage = usage(behaviour);
  const startMessage = { ...full, content: [], stop_reason: null, usage: { ...finalUsage, output_tokens: 1 } };
  const block = toolName === undefined ? { type: 'text', text: '' } : { type: 'tool_use', id: 'toolu_loopback', name: toolName, input: {} };
  const pieces = behaviour.chunks ?? behaviour.text.match(/\S+\s*|\s+/g) ?? [];
  const delta = (piece: string) => (toolName === undefined ? { type: 'text_delta', text: piece } : { type: 'input_json_delta', partial_json: piece });
  return [
    event('message_start', { message: startMessage }),
    event('content_block_start', { index: 0, content_block: block }),
    event('ping', {}),
    ...pieces.map((piece) => event('content_block_delta', { index: 0, delta: delta(piece) })),
    event('content_block_stop', { index: 0 }),
    event('message_delta', { delta: { stop_reason: full['stop_reason'], stop_sequence: null }, usage: { output_tokens: finalUsage['output_tokens'] } }),
    event('message_stop', {}),
  ];
}

function usage(behaviour: ReplyBehaviour): Record<string, unknown> {
  return {
    input_tokens: 12,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    output_tokens: (behaviour.text.match(/\S+/g) ?? []).length,
    service_tier: 'standard',
    ...behaviour.usage,
  };
}

function anthropicError(type: string, text: string): Record<string, unknown> {
  return { type: 'error', error: { type, message: text } };
}
