import type { RowHit } from './row-hit.js';

/** Settings of {@link weightedScoreFusion}. */
export interface WeightedScoreFusionOptions {
  /** One weight per list, e.g. `[0.5, 0.5]` for lexical and semantic; default equal weights. */
  readonly weights?: readonly number[];
}

/**
 * Normalized weighted fusion (a convex combination): each list's scores are min-max scaled to [0, 1] within the
 * list, then summed with the list weights; a row missing from a list gets 0 there. Bruch, Gai and Ingber (ACM TOIS
 * 2023, "An Analysis of Fusion Functions for Hybrid Retrieval") find it matches or beats RRF once the weight is
 * tuned on a few labelled queries; untuned, prefer {@link reciprocalRankFusion}.
 *
 * @example
 * weightedScoreFusion([lexicalHits, vectorHits], { weights: [0.3, 0.7] });
 */
export function weightedScoreFusion(lists: readonly (readonly RowHit[])[], options: WeightedScoreFusionOptions = {}): RowHit[] {
  const fused = new Map<number, number>();
  lists.forEach((list, listIndex) => {
    if (list.length === 0) return;
    const weight = options.weights?.[listIndex] ?? 1 / lists.length;
    let low = Infinity;
    let high = -Infinity;
    for (const hit of list) {
      low = Math.min(low, hit.score);
      high = Math.max(high, hit.score);
    }
    // A list whose scores are all equal says "these are relevant" without an order: each gets the full weight.
    const span = high - low;
    for (const hit of list) {
      const normalized = span > 0 ? (hit.score - low) / span : 1;
      fused.set(hit.row, (fused.get(hit.row) ?? 0) + weight * normalized);
    }
  });
  return [...fused].sort(([leftRow, left], [rightRow, right]) => right - left || leftRow - rightRow).map(([row, score]) => ({ row, score }));
}
