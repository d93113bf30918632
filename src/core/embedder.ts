/** Whether a text is a search query or a passage to index (some models embed them differently). */
export type EmbeddingKind = 'query' | 'document';

/** Per-call options of {@link Embedder.embed}. */
export interface EmbedOptions {
  /** Default `document`. Instruction-tuned models (E5, BGE, nomic) prefix queries and passages differently. */
  readonly kind?: EmbeddingKind;
  readonly signal?: AbortSignal;
}

/**
 * Turns texts into fixed-length vectors. Implementations: an OpenAI-compatible `/v1/embeddings` server, a local
 * ONNX model from a folder, vectors trained on the corpus itself.
 *
 * @example
 * const [vector] = await embedder.embed(['how do I rotate the API key?'], { kind: 'query' });
 */
export interface Embedder {
  /** `openai-compatible`, `onnx`, ... */
  readonly provider: string;
  /** The model's name as the provider knows it. */
  readonly modelId: string;
  /**
   * Identity of everything that shapes the vectors (provider, model, pooling, normalization, dimensions): the key of
   * the embedding cache. Two embedders with the same `id` must produce the same vectors for the same text.
   */
  readonly id: string;
  /** Vector length; undefined until known (a remote model's length is learnt from its first reply). */
  readonly dimensions: number | undefined;
  /**
   * Most texts per request or model run. `embed` splits larger inputs itself; callers use it to size their own units
   * of work (the embedding pass stores one batch per transaction).
   */
  readonly maxBatchSize: number;
  /**
   * One vector per text, in order. Vectors are L2-normalized, so a dot product is the cosine similarity.
   * Throws a `GroundedError` (`PROVIDER_*`, `EMBEDDER_*`) on failure; nothing is returned partially.
   */
  embed(texts: readonly string[], options?: EmbedOptions): Promise<Float32Array[]>;
}
