import type { ServerResponse } from 'node:http';
import type { LoopbackBehaviour, LoopbackHandler, LoopbackServer, RecordedRequest } from './loopback-behaviour.js';
import { sendJson } from './send-json.js';
import { startLoopbackServer } from './start-loopback-server.js';

/** Options of {@link startRerankServer}. */
export interface RerankServerOptions {
  /**
   * `cohere` (default): `${baseUrl}/rerank` with `baseUrl` ending in `/v1`, reads `documents` (strings or `{ text }`)
   * and `top_n`, answers `{ id, results: [{ index, relevance_score }], meta }` like Cohere, Jina and vLLM.
   * `tei`: Hugging Face Text Embeddings Inference, `baseUrl` is the bare origin, reads `texts`, answers `[{ index, score }]`.
   */
  readonly shape?: 'cohere' | 'tei';
}

/**
 * Starts a loopback server speaking the `/rerank` protocol (see {@link RerankServerOptions}). Scores are deterministic:
 * the share of the query's distinct words (lower-cased letter/digit runs) that occur in the passage, so a passage
 * sharing more query words ranks higher. Results are sorted by score, best first, as the real servers send them.
 * `handler` scripts each request (see {@link LoopbackBehaviour}): `reply` answers with the scores (`text` is
 * ignored), `status` sends an error — or, with `status: 200` and `body`, any reply verbatim — `malformed` sends JSON
 * cut short, and `delayMs` delays any of them. Default: always `reply`.
 *
 * @example
 * const server = await startRerankServer(undefined, { shape: 'tei' });
 * const reranker = createRerankApiReranker({ baseUrl: server.baseUrl, model: 'bge-reranker-base', passagesField: 'texts' });
 * try { await reranker.rerank('enable gzip', ['gzip is on', 'ports']); } finally { await server.close(); }
 */
export function startRerankServer(handler: LoopbackHandler = [{ type: 'reply', text: '' }], options: RerankServerOptions = {}): Promise<LoopbackServer> {
  const tei = options.shape === 'tei';
  const basePath = tei ? '' : '/v1';
  const render = async (behaviour: LoopbackBehaviour, request: RecordedRequest, response: ServerResponse): Promise<void> => {
    if (request.method !== 'POST' || request.path !== `${basePath}/rerank`) {
      sendJson(response, 404, errorBody(`Unknown request URL: ${request.method} ${request.path}`, tei));
      return;
    }
    switch (behaviour.type) {
      case 'status':
        sendJson(response, behaviour.status, behaviour.body ?? errorBody(behaviour.message ?? `loopback HTTP ${behaviour.status}`, tei), behaviour.headers);
        return;
      case 'malformed':
      case 'stream-error':
        response.writeHead(200, { 'content-type': 'application/json' }).end(tei ? '[{"index":0,"score":0.' : '{"results":[{"index":0,"relevance_');
        return;
      case 'reply':
        reply(request, response, tei);
    }
  };
  return startLoopbackServer(handler, basePath, render);
}

function reply(request: RecordedRequest, response: ServerResponse, tei: boolean): void {
  const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<string, unknown>;
  const query = body['query'];
  const raw = body[tei ? 'texts' : 'documents'];
  const passages = Array.isArray(raw) ? raw.map((item: unknown) => (typeof item === 'object' && item !== null ? (item as { text?: unknown }).text : item)) : undefined;
  if (typeof query !== 'string' || passages === undefined || !passages.every((passage): passage is string => typeof passage === 'string')) {
    sendJson(response, tei ? 422 : 400, errorBody(`'query' must be a string and '${tei ? 'texts' : 'documents'}' an array of strings`, tei));
    return;
  }
  const queryWords = new Set(words(query));
  const scored = passages
    .map((passage, index) => {
      const passageWords = new Set(words(passage));
      const shared = [...queryWords].filter((word) => passageWords.has(word)).length;
      return { index, score: queryWords.size === 0 ? 0 : shared / queryWords.size };
    })
    .sort((a, b) => b.score - a.score || a.index - b.index);
  if (tei) {
    sendJson(response, 200, scored);
    return;
  }
  const topN = typeof body['top_n'] === 'number' ? body['top_n'] : scored.length;
  const results = scored.slice(0, topN).map(({ index, score }) => ({ index, relevance_score: score }));
  sendJson(response, 200, { id: 'rerank-loopback', results, meta: { api_version: { version: '2' }, billed_units: { search_units: 1 } } });
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function errorBody(message: string, tei: boolean): Record<string, unknown> {
  return tei ? { error: message, error_type: 'Validation' } : { message };
}
