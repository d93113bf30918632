import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Embedder } from '../core/embedder.js';
import { isGroundedError } from '../core/errors.js';
import type { KnowledgeBaseStore } from '../core/store/store.js';
import type { VectorIndex } from '../core/vector-index.js';
import { createExactVectorIndex } from '../indexing/vector/create-exact-vector-index.js';
import { createHnswVectorIndex } from '../indexing/vector/create-hnsw-vector-index.js';
import type { HnswVectorIndex } from '../indexing/vector/hnsw-vector-index.js';
import { loadHnswVectorIndex } from '../indexing/vector/load-hnsw-vector-index.js';
import { saveHnswVectorIndex } from '../indexing/vector/save-hnsw-vector-index.js';
import type { DenseRetriever } from '../retrieve/passage-retriever.js';
import { usesHnswIndex } from './uses-hnsw-index.js';

/** Where the vectors come from and which index serves them. */
export interface OpenDenseRetrieverOptions {
  readonly store: KnowledgeBaseStore;
  readonly embedder: Embedder;
  /** `exact`, `hnsw`, or `auto` (exact below `exactBelow` vectors). */
  readonly mode: 'auto' | 'exact' | 'hnsw';
  readonly exactBelow: number;
  /** Folder the HNSW index is persisted in (next to the store); absent: an HNSW index lives in memory only. */
  readonly dataDir?: string;
  /** Receives a one-line notice when a damaged saved index is rebuilt. Default: none. */
  readonly onNotice?: (message: string) => void;
  /**
   * Serve from memory when the rebuilt or reconciled index cannot be saved (a read-only or full disk), instead of
   * throwing `STORE_READ_ONLY` or `DISK_FULL`. Default false; read paths set it.
   */
  readonly bestEffortSave?: boolean;
}

/** A dense retriever over the knowledge base's current vectors. */
export interface OpenedDenseRetriever extends DenseRetriever {
  /** Number of chunks with a vector. */
  readonly size: number;
  /** Number of chunks of the knowledge base when it was opened (more than `size`: some have no vector yet). */
  readonly chunks: number;
  /** What opening took: loading a saved HNSW index, reconciling it with the store, or building one. */
  readonly opened: { readonly kind: string; readonly ms: number; readonly added: number; readonly removed: number };
}

/**
 * Opens the vectors of a knowledge base under the embedder's id. Few vectors: an exact index in memory. Many: an
 * HNSW index persisted in `<dataDir>/vectors/`, tagged with the store's generation and vector count; when either
 * moved (a sync added, updated or deleted chunks, or an embedding pass finished), the saved index is reconciled with
 * the store (rows gone from the store removed, new rows added) and saved again, so it is never rebuilt from scratch
 * after the first time. Chunks without a vector (an embedding pass that failed part-way) are not in the dense list;
 * lexical retrieval still finds them.
 *
 * @example
 * const dense = await openDenseRetriever({ store: store.open('docs'), embedder, mode: 'auto', exactBelow: 20_000, dataDir });
 */
export async function openDenseRetriever(options: OpenDenseRetrieverOptions): Promise<OpenedDenseRetriever> {
  const { store, embedder } = options;
  const kb = store.name;
  const started = performance.now();
  const coverage = await store.embeddings.coverage(embedder.id);
  const count = coverage.embedded;
  if (!usesHnswIndex(options.mode, count, options.exactBelow)) return { ...(await openExact(options, started)), chunks: coverage.chunks };

  const path = options.dataDir === undefined ? undefined : join(options.dataDir, 'vectors', `${createHash('sha256').update(`${kb}\u0000${embedder.id}`).digest('hex').slice(0, 24)}.hnsw`);
  const meta = JSON.stringify({ model: embedder.id, generation: await store.generation(), vectors: count });
  let saved: HnswVectorIndex | undefined;
  try {
    // Up to date: memory-map it (tens of ms at 100k x 384). The loader checks size and header, and the checksum
    // unless the graph is untouched since its save hashed it: a damaged graph would crash usearch, not throw.
    const mapped = path === undefined ? undefined : loadHnswVectorIndex(path, { view: true });
    if (mapped !== undefined && mapped.meta === meta) {
      return { ...hnswRetriever(options, mapped.index, { kind: 'hnsw-loaded', ms: performance.now() - started, added: 0, removed: 0 }), chunks: coverage.chunks };
    }
    saved = mapped === undefined || path === undefined ? undefined : loadHnswVectorIndex(path)?.index;
  } catch (error) {
    // A damaged file is rebuilt from the stored vectors, which are the source of truth.
    if (!isGroundedError(error, 'STORE_CORRUPT')) throw error;
    options.onNotice?.(`the saved HNSW index of '${kb}' was damaged (${error.message}); rebuilt it from the stored vectors`);
  }
  const { rows, vectors } = await store.embeddings.vectors(embedder.id);
  const dimensions = vectors[0]?.length ?? embedder.dimensions ?? 1;
  const index = saved !== undefined && saved.dimensions === dimensions ? saved : createHnswVectorIndex({ dimensions });
  const current = new Set(rows);
  const gone = index.rows().filter((row) => !current.has(row));
  index.remove(gone);
  const addRows: number[] = [];
  const addVectors: Float32Array[] = [];
  rows.forEach((row, position) => {
    if (!index.has(row)) {
      addRows.push(row);
      addVectors.push(vectors[position] ?? new Float32Array(dimensions));
    }
  });
  if (addRows.length > 0) index.add(addRows, addVectors);
  try {
    const generation = await store.generation();
    if (path !== undefined) saveHnswVectorIndex(index, path, JSON.stringify({ model: embedder.id, generation, vectors: rows.length }));
  } catch (error) {
    const cacheOnly = options.bestEffortSave === true && (isGroundedError(error, 'STORE_READ_ONLY') || isGroundedError(error, 'DISK_FULL'));
    if (!cacheOnly) throw error;
  }
  const kind = index === saved ? 'hnsw-reconciled' : 'hnsw-built';
  return { ...hnswRetriever(options, index, { kind, ms: performance.now() - started, added: addRows.length, removed: gone.length }), chunks: coverage.chunks };
}

async function openExact(options: OpenDenseRetrieverOptions, started: number): Promise<Omit<OpenedDenseRetriever, 'chunks'>> {
  const { rows, vectors } = await options.store.embeddings.vectors(options.embedder.id);
  const dimensions = vectors[0]?.length ?? options.embedder.dimensions ?? 1;
  const index: VectorIndex = createExactVectorIndex({ dimensions, initialCapacity: Math.max(1, rows.length) });
  if (rows.length > 0) index.add(rows, vectors);
  const byRow = new Map<number, Float32Array>();
  rows.forEach((row, position) => byRow.set(row, vectors[position] ?? new Float32Array(dimensions)));
  return {
    embedder: options.embedder,
    index,
    size: rows.length,
    opened: { kind: 'exact', ms: performance.now() - started, added: rows.length, removed: 0 },
    async vectorsOf(wanted) {
      const found = new Map<number, Float32Array>();
      for (const row of wanted) {
        const vector = byRow.get(row);
        if (vector !== undefined) found.set(row, vector);
      }
      return found;
    },
  };
}

function hnswRetriever(options: OpenDenseRetrieverOptions, index: VectorIndex, opened: OpenedDenseRetriever['opened']): Omit<OpenedDenseRetriever, 'chunks'> {
  return {
    embedder: options.embedder,
    index,
    size: index.size,
    opened,
    // The graph holds no retrievable vectors: the few needed for filtered search and MMR come from the store.
    async vectorsOf(wanted) {
      const { rows, vectors } = await options.store.embeddings.vectors(options.embedder.id, wanted);
      return new Map(rows.map((row, position) => [row, vectors[position] ?? new Float32Array(0)]));
    },
  };
}
