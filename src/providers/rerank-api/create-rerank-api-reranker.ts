import type { RerankOptions, Reranker } from '../../core/reranker.js';
import type { HttpChatModelOptions } from '../http/http-chat-model-options.js';
import { normalizeBaseUrl } from '../http/normalize-base-url.js';
import { postJson } from '../http/post-json.js';
import { readJsonBody } from '../http/read-json-body.js';
import { parseRerankScores } from './parse-rerank-scores.js';

/** Options of {@link createRerankApiReranker}. `timeoutMs` (60 000), `maxRetries` (2) and the seams as for chat models. */
export interface RerankApiRerankerOptions extends Omit<HttpChatModelOptions, 'contextWindow'> {
  /** The root that `/rerank` hangs off: `https://api.jina.ai/v1`, `https://api.cohere.com/v2`, `http://127.0.0.1:8080` (TEI), vLLM's `/v1`. */
  readonly baseUrl: string;
  /**
   * Name of the passages field: `documents` (default; Cohere, Jina, vLLM, llama.cpp) or `texts` (Hugging Face TEI).
   * With `documents` the body also carries `top_n` (all passages) and `return_documents: false`; with `texts`,
   * `return_text: false`.
   */
  readonly passagesField?: 'documents' | 'texts';
  /** Most passages per request. Default 32, TEI's default `max_client_batch_size`; hosted APIs allow more. */
  readonly maxBatchSize?: number;
}

const providerName = 'rerank-api';

/**
 * A {@link Reranker} over the common `/rerank` API of Cohere, Jina, vLLM, llama.cpp and TEI: POST `${baseUrl}/rerank`
 * with `{ model, query, documents | texts, ... }` through {@link postJson} (retries, timeouts, cancellation, key
 * redaction), reading `{ results: [{ index, relevance_score }] }` or TEI's `[{ index, score }]` back into input order.
 * More passages than `maxBatchSize` are sent in several requests; scores from one model are comparable across them.
 * `id` is `rerank-api:` followed by JSON of the model.
 *
 * @example
 * const reranker = createRerankApiReranker({ baseUrl: 'http://127.0.0.1:8080', model: 'BAAI/bge-reranker-base', passagesField: 'texts' });
 * const scores = await reranker.rerank('how do I enable gzip?', passages);
 */
export function createRerankApiReranker(options: RerankApiRerankerOptions): Reranker {
  const url = `${normalizeBaseUrl(options.baseUrl)}/rerank`;
  const maxBatchSize = options.maxBatchSize ?? 32;
  const field = options.passagesField ?? 'documents';

  const rerankBatch = async (query: string, passages: readonly string[], signal: AbortSignal | undefined): Promise<number[]> => {
    const extra = field === 'documents' ? { documents: passages, top_n: passages.length, return_documents: false } : { texts: passages, return_text: false };
    const response = await postJson({
      url,
      headers: { ...options.headers, ...(options.apiKey === undefined || options.apiKey === '' ? {} : { authorization: `Bearer ${options.apiKey}` }) },
      body: { model: options.model, query, ...extra },
      timeoutMs: options.timeoutMs,
      maxRetries: options.maxRetries,
      signal,
      sleep: options.sleep,
      random: options.random,
      fetch: options.fetch,
      providerName,
    });
    return parseRerankScores(await readJsonBody(response, { providerName, signal }), passages.length, providerName);
  };

  return {
    provider: providerName,
    modelId: options.model,
    id: `${providerName}:${JSON.stringify({ model: options.model })}`,
    maxBatchSize,
    async rerank(query: string, passages: readonly string[], rerankOptions: RerankOptions = {}): Promise<number[]> {
      const scores: number[] = [];
      for (let start = 0; start < passages.length; start += maxBatchSize) {
        scores.push(...(await rerankBatch(query, passages.slice(start, start + maxBatchSize), rerankOptions.signal)));
      }
      return scores;
    },
  };
}
