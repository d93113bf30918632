import type { RowHit } from './row-hit.js';

/**
 * Round-robin fusion: the first row of every list, then the second of every list, and so on, each row once (at its
 * first turn). Unlike reciprocal rank fusion, a row that only one list ranks well is not outvoted by rows that several
 * lists rank moderately, so with n lists each list's best row is in the top n: what a question asking n things needs,
 * one list per thing. The score is 1 / round (1 for the first round), so ranks, not the lists' scores, survive.
 *
 * @example
 * interleaveRankings([[{ row: 1, score: 9 }, { row: 2, score: 5 }], [{ row: 3, score: 7 }]]);
 * // rows 1, 3, 2
 */
export function interleaveRankings(lists: readonly (readonly RowHit[])[]): RowHit[] {
  const seen = new Set<number>();
  const merged: RowHit[] = [];
  const depth = Math.max(0, ...lists.map((list) => list.length));
  for (let position = 0; position < depth; position++) {
    for (const list of lists) {
      const hit = list[position];
      if (hit === undefined || seen.has(hit.row)) continue;
      seen.add(hit.row);
      merged.push({ row: hit.row, score: 1 / (position + 1) });
    }
  }
  return merged;
}
