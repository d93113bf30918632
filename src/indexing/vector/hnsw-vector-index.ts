import type { VectorIndex } from '../../core/vector-index.js';

/**
 * Graph settings of an HNSW index (Malkov & Yashunin 2018). The defaults are usearch 2.25's own
 * (`default_connectivity`, `default_expansion_add`, `default_expansion_search` in `index.hpp`); at 100k x 384
 * clustered unit vectors they give recall@10 0.998 against exact search (`bench/vector-search.ts`).
 */
export interface HnswSettings {
  /**
   * Links per node on the upper layers (`M`); the base layer keeps twice as many. Default 16 (usearch; also
   * hnswlib's and FAISS's usual M). Sensible range 8–64: more raises recall and memory and slows the build.
   */
  readonly connectivity: number;
  /**
   * Candidate list size while inserting (`efConstruction`). Default 128 (usearch; hnswlib uses 200). Sensible
   * range 64–512: more builds a better graph, more slowly.
   */
  readonly expansionAdd: number;
  /**
   * Candidate list size while searching (`ef`); a search for `k` rows uses at least `k`. Default 64 (usearch).
   * Sensible range 32–512: more raises recall and latency. Fixed when the index is created.
   */
  readonly expansionSearch: number;
}

/** {@link HnswSettings} used when an option is left out. */
export const DEFAULT_HNSW_SETTINGS: HnswSettings = { connectivity: 16, expansionAdd: 128, expansionSearch: 64 };

/**
 * An approximate (HNSW) {@link VectorIndex}, with what saving it needs. Built by `createHnswVectorIndex`, read back
 * by `loadHnswVectorIndex`, written by `saveHnswVectorIndex`.
 */
export interface HnswVectorIndex extends VectorIndex {
  readonly kind: 'hnsw';
  readonly settings: HnswSettings;
  /** True for an index memory-mapped from a file (`loadHnswVectorIndex(path, { view: true })`): `add` and `remove` throw. */
  readonly readOnly: boolean;
  /** Writes the graph alone in usearch's file format. Low level: `saveHnswVectorIndex` also keeps rows and meta. */
  writeGraph(path: string): void;
}
