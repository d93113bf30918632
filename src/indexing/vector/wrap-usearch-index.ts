import type { Index } from 'usearch';
import { GroundedError } from '../../core/errors.js';
import type { VectorHit, VectorSearchOptions } from '../../core/vector-index.js';
import { checkSearchInput } from './check-search-input.js';
import { checkVectorBatch } from './check-vector-batch.js';
import type { HnswSettings, HnswVectorIndex } from './hnsw-vector-index.js';

/** What {@link wrapUsearchIndex} needs besides the usearch index itself. */
export interface UsearchIndexState {
  readonly dimensions: number;
  readonly settings: HnswSettings;
  /** Rows already in `native` (usearch cannot list its keys, so the wrapper keeps them). */
  readonly rows: Iterable<number>;
  /** Threads for batch `add`; 0 lets usearch use every core. */
  readonly threads: number;
  readonly readOnly: boolean;
}

/** First oversampling factor of a filtered search; doubled until enough accepted rows turn up. */
const OVERSAMPLE = 4;
/** Batches smaller than this are added on one thread: starting workers costs more than it saves. */
const PARALLEL_BATCH = 64;
/** Rows handed to usearch per call: large enough to keep every core busy, small enough to copy cheaply. */
const ADD_SLICE = 8192;

/**
 * Puts the {@link HnswVectorIndex} contract over a usearch index that uses the inner-product metric (its distance
 * is `1 - dot`, so a hit's score is `1 - distance`). Shared by `createHnswVectorIndex` and `loadHnswVectorIndex`.
 *
 * Filtering: usearch's JavaScript API takes no filter callback, so a search with `accept` asks for `4k` neighbours,
 * keeps the accepted ones, and doubles the request until `k` are accepted or the whole index was requested. The
 * result is the best accepted rows the graph reaches, which for a filter accepting a small share of rows costs up to
 * a search for every row; callers that know a small allowed set should run exact search over those rows instead.
 *
 * @example
 * const index = wrapUsearchIndex(new Index({ dimensions: 384, metric: MetricKind.IP }), {
 *   dimensions: 384, settings: DEFAULT_HNSW_SETTINGS, rows: [], threads: 0, readOnly: false,
 * });
 */
export function wrapUsearchIndex(native: Index, state: UsearchIndexState): HnswVectorIndex {
  const { dimensions, settings, threads, readOnly } = state;
  const present = new Set<number>(state.rows);

  const checkWritable = (operation: string): void => {
    if (readOnly) {
      throw new GroundedError('INTERNAL', `cannot ${operation} a memory-mapped (read-only) HNSW index`, {
        details: { readOnly },
        hint: 'load the index without `view: true` to change it',
      });
    }
  };

  const add = (rows: readonly number[], vectors: readonly Float32Array[]): void => {
    checkWritable('add to');
    checkVectorBatch(rows, vectors, dimensions);
    // The last vector given for a row wins, as in the exact index; usearch rejects duplicate keys.
    const lastPosition = new Map<number, number>();
    rows.forEach((row, position) => lastPosition.set(row, position));
    const replaced = [...lastPosition.keys()].filter((row) => present.has(row));
    const batch = [...lastPosition];
    try {
      if (replaced.length > 0) native.remove(BigUint64Array.from(replaced, BigInt));
      // In slices, so the flat copy usearch needs never doubles the memory of a large batch.
      for (let start = 0; start < batch.length; start += ADD_SLICE) {
        const slice = batch.slice(start, start + ADD_SLICE);
        const keys = BigUint64Array.from(slice, ([row]) => BigInt(row));
        const flat = new Float32Array(slice.length * dimensions);
        slice.forEach(([, position], offset) => flat.set(vectors[position] as Float32Array, offset * dimensions));
        native.add(keys, flat, slice.length < PARALLEL_BATCH ? 1 : threads);
      }
    } catch (error) {
      // Keep the row set true to what usearch holds, whatever part of the batch went in.
      for (const row of lastPosition.keys()) {
        if (native.contains(BigInt(row)) === true) present.add(row);
        else present.delete(row);
      }
      throw new GroundedError('INTERNAL', `usearch failed to add ${batch.length} vectors: ${String(error)}`, {
        cause: error,
      });
    }
    for (const row of lastPosition.keys()) present.add(row);
  };

  const remove = (rows: readonly number[]): void => {
    checkWritable('remove from');
    const found = rows.filter((row) => present.has(row));
    if (found.length === 0) return;
    native.remove(BigUint64Array.from(new Set(found), BigInt));
    for (const row of found) present.delete(row);
  };

  const search = (query: Float32Array, k: number, options: VectorSearchOptions = {}): VectorHit[] => {
    checkSearchInput(query, k, dimensions);
    const total = present.size;
    if (k === 0 || total === 0) return [];
    const accept = options.accept;
    for (let wanted = accept === undefined ? k : k * OVERSAMPLE; ; wanted *= 2) {
      const limit = Math.min(wanted, total);
      // One thread: a single query gains nothing from usearch's worker pool.
      const matches = native.search(query, limit, 1);
      const hits: VectorHit[] = [];
      for (let index = 0; index < matches.keys.length && hits.length < k; index++) {
        const row = Number(matches.keys[index]);
        if (!present.has(row) || (accept !== undefined && !accept(row))) continue;
        hits.push({ row, score: 1 - (matches.distances[index] as number) });
      }
      if (hits.length >= k || limit >= total) return hits;
    }
  };

  return {
    kind: 'hnsw',
    dimensions,
    settings,
    readOnly,
    get size() {
      return present.size;
    },
    add,
    remove,
    has: (row) => present.has(row),
    search,
    rows: () => [...present],
    writeGraph: (path) => native.save(path),
  };
}
