import { CHUNK_DEPTH, type Hit } from './hit.js';

/** Min-max normalized scores over each list, `weight` on the first list; missing entries count 0. */
export function fuseWeighted(first: Hit[], second: Hit[], weight: number): Hit[] {
  const fused = new Map<number, number>();
  for (const [list, share] of [[first, weight], [second, 1 - weight]] as const) {
    const top = list[0]?.score ?? 0;
    const bottom = list.at(-1)?.score ?? 0;
    const span = top - bottom || 1;
    for (const hit of list) fused.set(hit.row, (fused.get(hit.row) ?? 0) + (share * (hit.score - bottom)) / span);
  }
  return [...fused].map(([row, score]) => ({ row, score })).sort((left, right) => right.score - left.score || left.row - right.row).slice(0, CHUNK_DEPTH);
}
