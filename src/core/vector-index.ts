/** One vector hit: the caller's row number and its cosine similarity (dot product of unit vectors). */
export interface VectorHit {
  readonly row: number;
  readonly score: number;
}

/** Per-query options of {@link VectorIndex.search}. */
export interface VectorSearchOptions {
  /**
   * Only rows it accepts may be returned, and the `k` results are the best accepted rows (the filter applies
   * before ranking, not to the top `k` afterwards).
   */
  readonly accept?: (row: number) => boolean;
}

/**
 * Nearest-neighbour search over unit vectors keyed by row number. Implementations: exact (brute force over typed
 * arrays, the reference every other one is tested against) and approximate (HNSW).
 *
 * @example
 * index.add([7, 8], [v7, v8]);
 * const hits = index.search(queryVector, 10);
 */
export interface VectorIndex {
  /** `exact`, `hnsw`, ... */
  readonly kind: string;
  readonly dimensions: number;
  /** Number of rows indexed. */
  readonly size: number;
  /** Adds rows, replacing any row already present under the same number. */
  add(rows: readonly number[], vectors: readonly Float32Array[]): void;
  /** Removes rows; absent rows are ignored. */
  remove(rows: readonly number[]): void;
  /** Whether the row is indexed. */
  has(row: number): boolean;
  /** Every indexed row, in no particular order (to reconcile a persisted index with the store). */
  rows(): number[];
  /** The `k` most similar rows, best first. */
  search(query: Float32Array, k: number, options?: VectorSearchOptions): VectorHit[];
}
