import { CHUNK_DEPTH, type Hit } from './hit.js';

const RRF_K = 60;

/** Reciprocal rank fusion (Cormack et al. 2009), k = 60. */
export function fuseRrf(lists: readonly Hit[][]): Hit[] {
  const fused = new Map<number, number>();
  for (const list of lists) list.forEach((hit, rank) => fused.set(hit.row, (fused.get(hit.row) ?? 0) + 1 / (RRF_K + rank + 1)));
  return [...fused].map(([row, score]) => ({ row, score })).sort((left, right) => right.score - left.score || left.row - right.row).slice(0, CHUNK_DEPTH);
}
