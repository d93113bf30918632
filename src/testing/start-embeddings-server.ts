import type { ServerResponse } from 'node:http';
import type { LoopbackBehaviour, LoopbackHandler, LoopbackServer, RecordedRequest } from './loopback-behaviour.js';
import { sendJson } from './send-json.js';
import { startLoopbackServer } from './start-loopback-server.js';

/** Options of {@link startEmbeddingsServer}. */
export interface EmbeddingsServerOptions {
  /** Vector length when the request names no `dimensions`. Default 64. */
  readonly dimensions?: number;
}

const defaultModel = 'text-embedding-3-small';

/**
 * Starts a loopback server speaking the OpenAI embeddings protocol at `${baseUrl}/embeddings` (`baseUrl` ends in
 * `/v1`). Vectors are deterministic: a hashed bag of words (lower-cased letter/digit runs, each adding ±1 to one of
 * `dimensions` buckets), so texts sharing words are similar and the same text always gets the same vector. They are
 * NOT normalized (like TEI with `normalize: false`), so a client must normalize them itself. The request's
 * `dimensions` and `encoding_format: "base64"` are honoured. `handler` scripts each request (see
 * {@link LoopbackBehaviour}): `reply` answers with the vectors (`text` is ignored, `model` names the reply's model),
 * `status` sends an OpenAI-shaped error — or, with `status: 200` and `body`, any reply verbatim (a wrong count, ragged
 * vectors) — `malformed` sends JSON cut short, and `delayMs` delays any of them. Default: always `reply`.
 *
 * @example
 * const server = await startEmbeddingsServer((_request, index) => (index >= 2 ? { type: 'status', status: 500 } : { type: 'reply', text: '' }));
 * const embedder = createOpenAICompatibleEmbedder({ baseUrl: server.baseUrl, model: 'text-embedding-3-small' });
 * try { await embedder.embed(['a cat sat']); } finally { await server.close(); }
 */
export function startEmbeddingsServer(handler: LoopbackHandler = [{ type: 'reply', text: '' }], options: EmbeddingsServerOptions = {}): Promise<LoopbackServer> {
  const render = async (behaviour: LoopbackBehaviour, request: RecordedRequest, response: ServerResponse): Promise<void> => {
    if (request.method !== 'POST' || request.path !== '/v1/embeddings') {
      sendJson(response, 404, openAIError(`Unknown request URL: ${request.method} ${request.path}`));
      return;
    }
    switch (behaviour.type) {
      case 'status':
        sendJson(response, behaviour.status, behaviour.body ?? openAIError(behaviour.message ?? `loopback HTTP ${behaviour.status}`), behaviour.headers);
        return;
      case 'malformed':
      case 'stream-error':
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.1,');
        return;
      case 'reply':
        reply(request, response, behaviour.model ?? defaultModel, options.dimensions ?? 64);
    }
  };
  return startLoopbackServer(handler, '/v1', render);
}

function reply(request: RecordedRequest, response: ServerResponse, model: string, defaultDimensions: number): void {
  const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<string, unknown>;
  const input = typeof body['input'] === 'string' ? [body['input']] : body['input'];
  if (!Array.isArray(input) || input.length === 0 || !input.every((text: unknown) => typeof text === 'string')) {
    sendJson(response, 400, openAIError("'input' must be a string or a non-empty array of strings"));
    return;
  }
  const dimensions = typeof body['dimensions'] === 'number' ? body['dimensions'] : defaultDimensions;
  const base64 = body['encoding_format'] === 'base64';
  const data = (input as string[]).map((text, index) => {
    const vector = hashedBagOfWords(text, dimensions);
    const embedding = base64 ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector;
    return { object: 'embedding', index, embedding };
  });
  const tokens = (input as string[]).reduce((total, text) => total + words(text).length, 0);
  sendJson(response, 200, { object: 'list', data, model, usage: { prompt_tokens: tokens, total_tokens: tokens } });
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function hashedBagOfWords(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const word of words(text)) {
    // FNV-1a, 32 bit: stable across runs and platforms.
    let hash = 0x811c9dc5;
    for (const character of word) hash = Math.imul(hash ^ (character.codePointAt(0) ?? 0), 0x01000193) >>> 0;
    const bucket = hash % dimensions;
    vector[bucket] = (vector[bucket] ?? 0) + ((hash >>> 31) === 1 ? -1 : 1);
  }
  return vector;
}

function openAIError(message: string): Record<string, unknown> {
  return { error: { message, type: 'invalid_request_error', param: null, code: null } };
}
