/**
 * Share of the relevant documents (grade > 0) found in the top `k` (duplicates count once). 0 when nothing is
 * relevant.
 *
 * @example
 * recallAtK(['a', 'x', 'b'], new Map([['a', 1], ['b', 1], ['c', 1]]), 2); // 1/3
 */
export function recallAtK(ranked: readonly string[], relevance: ReadonlyMap<string, number>, k: number): number {
  let relevant = 0;
  for (const grade of relevance.values()) if (grade > 0) relevant += 1;
  if (relevant === 0) return 0;
  const top = new Set(uniqueTop(ranked, k));
  let found = 0;
  for (const id of top) if ((relevance.get(id) ?? 0) > 0) found += 1;
  return found / relevant;
}

function uniqueTop(ranked: readonly string[], k: number): string[] {
  const unique: string[] = [];
  for (const id of ranked) {
    if (unique.length >= k) break;
    if (!unique.includes(id)) unique.push(id);
  }
  return unique;
}
