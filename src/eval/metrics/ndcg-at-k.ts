/**
 * Normalized discounted cumulative gain at `k`, as trec_eval's `ndcg_cut` (what BEIR reports): the gain of a
 * document is its relevance grade, discounted by log2(rank + 1); the ideal ranking orders every judged relevant
 * document by grade. Returns 0 when nothing is relevant (such queries are usually left out of the average).
 *
 * @param ranked document ids, best first (duplicates after the first are ignored)
 * @param relevance document id -> grade (> 0 relevant)
 * @example
 * ndcgAtK(['a', 'x', 'b'], new Map([['a', 1], ['b', 1]]), 10); // (1 + 1/2) / (1 + 1/log2(3)) = 0.9197
 */
export function ndcgAtK(ranked: readonly string[], relevance: ReadonlyMap<string, number>, k: number): number {
  const ideal = [...relevance.values()].filter((grade) => grade > 0).sort((a, b) => b - a);
  let idealDcg = 0;
  for (const [position, grade] of ideal.slice(0, k).entries()) idealDcg += grade / Math.log2(position + 2);
  if (idealDcg === 0) return 0;
  let dcg = 0;
  const seen = new Set<string>();
  let position = 0;
  for (const id of ranked) {
    if (position >= k) break;
    if (seen.has(id)) continue;
    seen.add(id);
    const grade = relevance.get(id) ?? 0;
    if (grade > 0) dcg += grade / Math.log2(position + 2);
    position += 1;
  }
  return dcg / idealDcg;
}
