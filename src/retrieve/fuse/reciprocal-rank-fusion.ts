import type { RowHit } from './row-hit.js';

/** Settings of {@link reciprocalRankFusion}. */
export interface ReciprocalRankFusionOptions {
  /**
   * Rank constant: a row at 1-based rank r in a list adds `weight / (k + r)`. Default 60 (Cormack, Clarke and
   * Büttcher, SIGIR 2009, and the default of Elasticsearch, OpenSearch and Vespa); usual range 10–100. Smaller
   * values trust the top of each list more.
   */
  readonly k?: number;
  /** One weight per list; default 1 each. */
  readonly weights?: readonly number[];
}

/**
 * Reciprocal rank fusion: combines ranked lists by rank alone, so lists with incomparable scores (BM25 and cosine)
 * fuse without calibration. Ties go to the row ranked better in the earlier list, then the lower row.
 *
 * @example
 * reciprocalRankFusion([lexicalHits, vectorHits]); // [{ row, score }, ...] best first
 */
export function reciprocalRankFusion(lists: readonly (readonly RowHit[])[], options: ReciprocalRankFusionOptions = {}): RowHit[] {
  const k = options.k ?? 60;
  const fused = new Map<number, { score: number; first: number }>();
  lists.forEach((list, listIndex) => {
    const weight = options.weights?.[listIndex] ?? 1;
    list.forEach((hit, position) => {
      const entry = fused.get(hit.row);
      const contribution = weight / (k + position + 1);
      if (entry === undefined) fused.set(hit.row, { score: contribution, first: listIndex * 1e9 + position });
      else entry.score += contribution;
    });
  });
  return [...fused]
    .sort(([leftRow, left], [rightRow, right]) => right.score - left.score || left.first - right.first || leftRow - rightRow)
    .map(([row, { score }]) => ({ row, score }));
}
