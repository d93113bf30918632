import type { Embedder } from '../core/embedder.js';
import type { Store } from '../core/store.js';
import type { VectorIndex } from '../core/vector-index.js';
import { createExactVectorIndex } from '../indexing/vector/create-exact-vector-index.js';
import type { DenseRetriever } from '../retrieve/retrieve-passages.js';

/** Where the vectors come from and which index serves them. */
export interface OpenDenseRetrieverOptions {
  readonly store: Store;
  readonly kb: string;
  readonly embedder: Embedder;
  /** `exact`, `hnsw`, or `auto` (exact below `exactBelow` vectors). */
  readonly mode: 'auto' | 'exact' | 'hnsw';
  readonly exactBelow: number;
}

/** A dense retriever that can be brought up to date with the store after a sync. */
export interface OpenedDenseRetriever extends DenseRetriever {
  /** Number of chunks with a vector. */
  readonly size: number;
}

/**
 * Loads the cached vectors of a knowledge base under the embedder's id into a vector index. Chunks without a vector
 * (an embedding pass that failed part-way) are simply not in the dense list; lexical retrieval still finds them.
 *
 * @example
 * const dense = openDenseRetriever({ store, kb: 'docs', embedder, mode: 'auto', exactBelow: 20_000 });
 */
export function openDenseRetriever(options: OpenDenseRetrieverOptions): OpenedDenseRetriever {
  const { store, kb, embedder } = options;
  const { rows, vectors } = store.chunkVectors(kb, embedder.id);
  const dimensions = vectors[0]?.length ?? embedder.dimensions ?? 1;
  const index: VectorIndex = createExactVectorIndex({ dimensions, initialCapacity: Math.max(1, rows.length) });
  if (rows.length > 0) index.add(rows, vectors);
  const byRow = new Map<number, Float32Array>();
  rows.forEach((row, position) => byRow.set(row, vectors[position] ?? new Float32Array(dimensions)));
  return {
    embedder,
    index,
    size: rows.length,
    vectorsOf(wanted) {
      const found = new Map<number, Float32Array>();
      for (const row of wanted) {
        const vector = byRow.get(row);
        if (vector !== undefined) found.set(row, vector);
      }
      return found;
    },
  };
}
