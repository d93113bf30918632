/** A distinct text to embed: the sha256 of `embeddingText(chunk)` (the cache key, with the model) and the text. */
export interface TextToEmbed {
  readonly hash: string;
  readonly text: string;
}

/** A cached vector of a text under a model. */
export interface CachedEmbedding {
  readonly hash: string;
  readonly vector: Float32Array;
}

/**
 * Vectors of chunk texts under an embedder id. The cache is keyed by text hash and model, shared by the knowledge
 * bases of a store (equal texts have equal vectors), and holds no text.
 *
 * @example
 * const todo = await store.open('docs').embeddings.textsToEmbed(embedder.id);
 */
export interface EmbeddingCache {
  /** Distinct chunk texts with no cached vector under `model`, so a text is embedded once however many chunks share it. */
  textsToEmbed(model: string): Promise<TextToEmbed[]>;
  /** Caches vectors under `model` in one transaction. */
  put(model: string, embeddings: readonly CachedEmbedding[]): Promise<void>;
  /** How many chunks there are and how many have a cached vector under `model`. */
  coverage(model: string): Promise<{ chunks: number; embedded: number }>;
  /**
   * Every chunk with a cached vector under `model`, by row (see `IndexRow`), read consistently with the generation.
   * Rows listed in `only` restrict the read, in one query (vectors of a few candidates).
   */
  vectors(model: string, only?: readonly number[]): Promise<{ generation: number; rows: number[]; vectors: Float32Array[] }>;
}
