import type { RowHit } from '../fuse/row-hit.js';
import type { DenseRetriever } from '../passage-retriever.js';
import { dot } from './dot.js';

/**
 * Up to this many allowed rows, a filtered dense search over an approximate index reads the allowed rows' vectors
 * and scans them exactly (~1 ms per 1,000 rows read from the store, and exact); above it, the approximate index
 * oversamples until it has `k` allowed rows (measured recall@10 0.95 at 10% selectivity, see bench/vector-search.ts).
 */
const exactFilterLimit = 2_000;

/** Dense candidates, filtered before ranking: exact over the allowed rows when they are few, else the index. */
export async function searchDense(dense: DenseRetriever, vector: Float32Array, k: number, allowed: ReadonlySet<number> | undefined): Promise<RowHit[]> {
  if (allowed === undefined) return dense.index.search(vector, k);
  if (dense.index.kind === 'exact' || allowed.size > exactFilterLimit) {
    // The exact index applies the filter during its scan; the approximate one oversamples.
    return dense.index.search(vector, k, { accept: (row) => allowed.has(row) });
  }
  const hits: RowHit[] = [];
  for (const [row, stored] of await dense.vectorsOf([...allowed])) hits.push({ row, score: dot(vector, stored) });
  return hits.sort((left, right) => right.score - left.score || left.row - right.row).slice(0, k);
}
