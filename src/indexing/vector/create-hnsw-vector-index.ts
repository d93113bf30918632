import { createUsearchIndex } from './create-usearch-index.js';
import { GroundedError } from '../../core/errors.js';
import { checkDimensions } from './check-dimensions.js';
import { DEFAULT_HNSW_SETTINGS, type HnswSettings, type HnswVectorIndex } from './hnsw-vector-index.js';
import { wrapUsearchIndex } from './wrap-usearch-index.js';

/** Settings of {@link createHnswVectorIndex}; graph settings default to {@link DEFAULT_HNSW_SETTINGS}. */
export interface HnswVectorIndexOptions extends Partial<HnswSettings> {
  /** Length of every vector (the embedder's `dimensions`). */
  readonly dimensions: number;
  /** Threads for batch `add`. Default 0: every core (usearch's choice). Searches always use one thread. */
  readonly threads?: number;
}

function checkSetting(name: keyof HnswSettings, value: number, min: number): number {
  if (!(Number.isInteger(value) && value >= min && value <= 4096)) {
    throw new GroundedError('INVALID_CONFIG', `HNSW ${name} must be an integer in [${min}, 4096], got ${value}`, {
      details: { [name]: value },
      hint: `leave ${name} out for the default (${DEFAULT_HNSW_SETTINGS[name]})`,
    });
  }
  return value;
}

/**
 * Approximate nearest-neighbour search with an HNSW graph (usearch 2.25, f32 vectors, inner-product metric, so a
 * hit's score is the dot product: cosine for unit vectors). At 100k x 384 clustered vectors (`bench/vector-search.ts`):
 * query p50 ~0.6–0.8 ms, recall@10 0.998 against exact search; batch `add` builds on every core and costs ~140
 * CPU-seconds for those 100k vectors (3.5–4 min wall on the shared 2-core dev machine), so build once and save.
 *
 * Re-adding a row replaces it (remove, then add); removed rows are never returned. A search with `accept` oversamples
 * (4k, doubling) until it has `k` accepted rows or has asked for every row, so for a filter that accepts few rows
 * prefer exact search over those rows (`createExactVectorIndex`). Throws `INVALID_ARGUMENT` on vectors or queries of
 * the wrong length or non-finite values, `INTERNAL` on rows that are not non-negative safe integers or on a change to
 * a memory-mapped index (a rejected `add` changes nothing),
 * `INVALID_CONFIG` on graph settings out of range. Save and load with `saveHnswVectorIndex` / `loadHnswVectorIndex`.
 *
 * @example
 * const index = createHnswVectorIndex({ dimensions: 384 }); // connectivity 16, expansionAdd 128, expansionSearch 64
 * index.add(rows, vectors);
 * index.search(queryVector, 10); // [{ row: 42, score: 0.87 }, ...]
 */
export function createHnswVectorIndex(options: HnswVectorIndexOptions): HnswVectorIndex {
  const dimensions = checkDimensions(options.dimensions);
  const settings: HnswSettings = {
    connectivity: checkSetting('connectivity', options.connectivity ?? DEFAULT_HNSW_SETTINGS.connectivity, 2),
    expansionAdd: checkSetting('expansionAdd', options.expansionAdd ?? DEFAULT_HNSW_SETTINGS.expansionAdd, 1),
    expansionSearch: checkSetting('expansionSearch', options.expansionSearch ?? DEFAULT_HNSW_SETTINGS.expansionSearch, 1),
  };
  const threads = options.threads ?? 0;
  if (!(Number.isInteger(threads) && threads >= 0)) {
    throw new GroundedError('INVALID_CONFIG', `HNSW threads must be a non-negative integer, got ${threads}`, {
      details: { threads },
      hint: 'leave threads out to use every core',
    });
  }
  const native = createUsearchIndex(dimensions, settings);
  return wrapUsearchIndex(native, { dimensions, settings, rows: [], threads, readOnly: false });
}
