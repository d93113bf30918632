import type { EmbedOptions, Embedder } from '../../core/embedder.js';
import type { HttpChatModelOptions } from '../http/http-chat-model-options.js';
import { normalizeBaseUrl } from '../http/normalize-base-url.js';
import { postJson } from '../http/post-json.js';
import { readJsonBody } from '../http/read-json-body.js';
import { unexpectedResponse } from '../http/unexpected-response.js';
import { l2Normalize } from './l2-normalize.js';
import { parseEmbeddings } from './parse-embeddings.js';

/** Options of {@link createOpenAICompatibleEmbedder}. `timeoutMs` (60 000), `maxRetries` (2) and the seams as for chat models. */
export interface OpenAICompatibleEmbedderOptions extends Omit<HttpChatModelOptions, 'contextWindow'> {
  /** The API root that `/embeddings` hangs off, e.g. `http://127.0.0.1:11434/v1` (Ollama) or `https://api.openai.com/v1`. */
  readonly baseUrl: string;
  /** Ask for vectors of this length (OpenAI `text-embedding-3-*`, some vLLM models); replies of another length are rejected. */
  readonly dimensions?: number;
  /** Most texts per request. Default 64: under every common server's limit (OpenAI 2048, TEI 32 by default: lower it there). */
  readonly maxBatchSize?: number;
  /** Prepended to query texts, e.g. `query: ` (E5), `search_query: ` (nomic), BGE's instruction. Part of `id`. */
  readonly queryPrefix?: string;
  /** Prepended to document texts, e.g. `passage: ` (E5), `search_document: ` (nomic). Part of `id`. */
  readonly documentPrefix?: string;
}

const providerName = 'openai-compatible';

/**
 * An {@link Embedder} over the OpenAI embeddings API, as served by OpenAI, Ollama, vLLM, TEI, LM Studio and
 * llama.cpp: POST `${baseUrl}/embeddings` with `{ model, input, encoding_format: "float", dimensions? }`, through
 * {@link postJson} (retries on 429/5xx with backoff, timeouts, cancellation, key redaction). Inputs longer than
 * `maxBatchSize` are sent in several requests, one after another; any failure fails the whole call. Vectors are
 * L2-normalized; `dimensions` is learnt from the first reply and enforced after it.
 *
 * `id` is `openai-compatible:` followed by JSON of the model, requested dimensions and prefixes: it names what shapes
 * the vectors, not where they come from (base URL and key are left out, so a model moved to another host keeps its
 * cache).
 *
 * @example
 * const embedder = createOpenAICompatibleEmbedder({ baseUrl: 'http://127.0.0.1:11434/v1', model: 'nomic-embed-text',
 *   queryPrefix: 'search_query: ', documentPrefix: 'search_document: ' });
 * const [vector] = await embedder.embed(['how do I rotate the API key?'], { kind: 'query' });
 */
export function createOpenAICompatibleEmbedder(options: OpenAICompatibleEmbedderOptions): Embedder {
  const url = `${normalizeBaseUrl(options.baseUrl)}/embeddings`;
  const maxBatchSize = options.maxBatchSize ?? 64;
  const id = `${providerName}:${JSON.stringify({
    model: options.model,
    dimensions: options.dimensions ?? null,
    queryPrefix: options.queryPrefix ?? '',
    documentPrefix: options.documentPrefix ?? '',
  })}`;
  let dimensions = options.dimensions;

  const embedBatch = async (texts: readonly string[], signal: AbortSignal | undefined): Promise<Float32Array[]> => {
    const response = await postJson({
      url,
      headers: { ...options.headers, ...(options.apiKey === undefined || options.apiKey === '' ? {} : { authorization: `Bearer ${options.apiKey}` }) },
      body: { model: options.model, input: texts, encoding_format: 'float', ...(options.dimensions === undefined ? {} : { dimensions: options.dimensions }) },
      timeoutMs: options.timeoutMs,
      maxRetries: options.maxRetries,
      signal,
      sleep: options.sleep,
      random: options.random,
      fetch: options.fetch,
      providerName,
    });
    const vectors = parseEmbeddings(await readJsonBody(response, { providerName, signal }), texts.length, providerName);
    const length = vectors[0]?.length ?? 0;
    if (dimensions !== undefined && length !== dimensions) {
      throw unexpectedResponse(providerName, `sent vectors of length ${length}, expected ${dimensions}`);
    }
    dimensions = length;
    return vectors.map((vector) => l2Normalize(vector));
  };

  return {
    provider: providerName,
    modelId: options.model,
    id,
    get dimensions() {
      return dimensions;
    },
    maxBatchSize,
    async embed(texts: readonly string[], embedOptions: EmbedOptions = {}): Promise<Float32Array[]> {
      const prefix = (embedOptions.kind === 'query' ? options.queryPrefix : options.documentPrefix) ?? '';
      const prefixed = texts.map((text) => prefix + text);
      const result: Float32Array[] = [];
      for (let start = 0; start < prefixed.length; start += maxBatchSize) {
        result.push(...(await embedBatch(prefixed.slice(start, start + maxBatchSize), embedOptions.signal)));
      }
      return result;
    },
  };
}
