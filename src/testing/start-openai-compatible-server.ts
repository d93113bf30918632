import type { ServerResponse } from 'node:http';
import type { LoopbackBehaviour, LoopbackHandler, LoopbackServer, RecordedRequest } from './loopback-behaviour.js';
import { sendJson } from './send-json.js';
import { startLoopbackServer } from './start-loopback-server.js';
import { writeEventStream } from './write-event-stream.js';

// Shapes follow replies recorded from api.openai.com in 2025, trimmed (no logprobs content, no audio).
const created = 1_750_000_000;
const defaultModel = 'gpt-4o-mini-2024-07-18';
const fingerprint = 'fp_loopback';

/**
 * Starts a loopback server speaking the OpenAI Chat Completions protocol at `${baseUrl}/chat/completions`
 * (`baseUrl` ends in `/v1`), answering each request as `handler` scripts it (see {@link LoopbackBehaviour}).
 * Replies carry `id`, `object`, `created`, `model`, `system_fingerprint` and `usage` like real ones; streamed
 * replies send a role chunk, content chunks, a finish chunk, a usage chunk when `stream_options.include_usage`
 * is set, and `data: [DONE]`. Other paths get an OpenAI-shaped 404.
 *
 * @example
 * const server = await startOpenAICompatibleServer([{ type: 'status', status: 429, headers: { 'retry-after': '1' } }, { type: 'reply', text: 'Paris' }]);
 * const model = createOpenAICompatibleChatModel({ baseUrl: server.baseUrl, model: 'gpt-4o-mini' });
 * try { await model.doGenerate({ messages: [{ role: 'user', content: 'Capital of France?' }] }); } finally { await server.close(); }
 */
export function startOpenAICompatibleServer(handler: LoopbackHandler): Promise<LoopbackServer> {
  return startLoopbackServer(handler, '/v1', renderOpenAI);
}

async function renderOpenAI(behaviour: LoopbackBehaviour, request: RecordedRequest, response: ServerResponse, signal: AbortSignal): Promise<void> {
  if (request.method !== 'POST' || request.path !== '/v1/chat/completions') {
    sendJson(response, 404, openAIError(`Unknown request URL: ${request.method} ${request.path}`, 'invalid_request_error', 'unknown_url'));
    return;
  }
  const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<string, unknown>;
  const streaming = body['stream'] === true;
  const model = behaviour.type === 'reply' && behaviour.model !== undefined ? behaviour.model : defaultModel;
  switch (behaviour.type) {
    case 'status': {
      const payload = behaviour.body ?? openAIError(behaviour.message ?? defaultMessage(behaviour.status), errorType(behaviour.status), null);
      sendJson(response, behaviour.status, payload, { 'x-request-id': 'req_loopback', ...behaviour.headers });
      return;
    }
    case 'malformed':
      if (!streaming) {
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"chatcmpl-loopback","object":"chat.completion","choices":[{"index":0,"message":{"role":"assist');
        return;
      }
      await writeEventStream(response, [{ data: JSON.stringify(chunk(model, { content: 'Hel' }, null)) }, { data: '{"id":"chatcmpl-loopback","choices":[{"delta":{"content":"lo' }], { signal });
      return;
    case 'stream-error': {
      const events = replyEvents('partial reply before the error', model, undefined, undefined, false).slice(0, behaviour.afterEvents ?? 1);
      events.push({ data: JSON.stringify(openAIError(behaviour.message, behaviour.errorType, null)) });
      await writeEventStream(response, events, { signal });
      return;
    }
    case 'reply': {
      if (!streaming) {
        sendJson(response, 200, completion(behaviour, model));
        return;
      }
      const includeUsage = (body['stream_options'] as { include_usage?: unknown } | undefined)?.include_usage === true;
      const events = replyEvents(behaviour.text, model, behaviour, behaviour.chunks, includeUsage);
      await writeEventStream(response, events, { signal, eventDelayMs: behaviour.eventDelayMs, cutAfterEvents: behaviour.cutAfterEvents });
    }
  }
}

type ReplyBehaviour = Extract<LoopbackBehaviour, { type: 'reply' }>;

function completion(behaviour: ReplyBehaviour, model: string): Record<string, unknown> {
  return {
    id: 'chatcmpl-loopback',
    object: 'chat.completion',
    created,
    model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: behaviour.text, refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: behaviour.finishReason ?? 'stop',
      },
    ],
    usage: usage(behaviour),
    service_tier: 'default',
    system_fingerprint: fingerprint,
  };
}

function replyEvents(text: string, model: string, behaviour: ReplyBehaviour | undefined, chunks: readonly string[] | undefined, includeUsage: boolean): { data: string }[] {
  const pieces = chunks ?? text.match(/\S+\s*|\s+/g) ?? [];
  const events = [{ data: JSON.stringify(chunk(model, { role: 'assistant', content: '', refusal: null }, null)) }];
  for (const piece of pieces) events.push({ data: JSON.stringify(chunk(model, { content: piece }, null)) });
  events.push({ data: JSON.stringify(chunk(model, {}, behaviour?.finishReason ?? 'stop')) });
  if (includeUsage) events.push({ data: JSON.stringify({ ...chunk(model, {}, null), choices: [], usage: usage(behaviour) }) });
  events.push({ data: '[DONE]' });
  return events;
}

function chunk(model: string, delta: Record<string, unknown>, finishReason: string | null): Record<string, unknown> {
  return {
    id: 'chatcmpl-loopback',
    object: 'chat.completion.chunk',
    created,
    model,
    service_tier: 'default',
    system_fingerprint: fingerprint,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
    usage: null,
  };
}

function usage(behaviour: ReplyBehaviour | undefined): Record<string, unknown> {
  const completionTokens = (behaviour?.text.match(/\S+/g) ?? []).length;
  return {
    prompt_tokens: 12,
    completion_tokens: completionTokens,
    total_tokens: 12 + completionTokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
    ...behaviour?.usage,
  };
}

function openAIError(message: string, type: string, code: string | null): Record<string, unknown> {
  return { error: { message, type, param: null, code } };
}

function errorType(status: number): string {
  if (status === 401 || status === 403) return 'invalid_request_error';
  if (status === 429) return 'rate_limit_exceeded';
  return status >= 500 ? 'server_error' : 'invalid_request_error';
}

function defaultMessage(status: number): string {
  if (status === 401) return 'Incorrect API key provided.';
  if (status === 429) return 'Rate limit reached for requests. Please try again in 1s.';
  if (status >= 500) return 'The server had an error while processing your request. Sorry about that!';
  return 'Invalid request.';
}
