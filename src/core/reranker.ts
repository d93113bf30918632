/** Per-call options of {@link Reranker.rerank}. */
export interface RerankOptions {
  readonly signal?: AbortSignal;
}

/**
 * Scores how well each passage answers a query, reading both together (a cross-encoder). Implementations: the
 * `/rerank` API of TEI, Jina, Cohere and vLLM, and a local ONNX cross-encoder from a folder.
 *
 * @example
 * const scores = await reranker.rerank('how do I enable gzip?', passages.map((p) => p.text));
 */
export interface Reranker {
  readonly provider: string;
  readonly modelId: string;
  /** Identity of what shapes the scores, for run fingerprints. */
  readonly id: string;
  /** Most passages per request or model run; `rerank` splits larger inputs itself. */
  readonly maxBatchSize: number;
  /** One relevance score per passage, in order; larger is more relevant. Scales differ between models. */
  rerank(query: string, passages: readonly string[], options?: RerankOptions): Promise<number[]>;
}
