/**
 * Reciprocal rank of the first relevant document within the top `k` (duplicates count once); 0 when none.
 *
 * @example
 * mrrAtK(['x', 'a'], new Map([['a', 1]]), 10); // 0.5
 */
export function mrrAtK(ranked: readonly string[], relevance: ReadonlyMap<string, number>, k: number): number {
  const seen = new Set<string>();
  for (const id of ranked) {
    if (seen.has(id)) continue;
    seen.add(id);
    if (seen.size > k) break;
    if ((relevance.get(id) ?? 0) > 0) return 1 / seen.size;
  }
  return 0;
}
