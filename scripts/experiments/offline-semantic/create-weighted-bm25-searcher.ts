import type { LexicalHit } from '../../../src/core/lexical-index.js';
import type { Bm25Postings } from '../../../src/indexing/lexical/bm25-postings.js';
import { selectTopK } from '../../../src/indexing/lexical/select-top-k.js';

/**
 * BM25 search with a weight per query term, as an expanded query (RM3, synonyms) needs; plus the document
 * frequencies feedback methods filter on. Built over the same postings as the plain searcher.
 */
export interface WeightedBm25Searcher {
  /** Number of indexed chunks. */
  readonly size: number;
  /**
   * The `k` best rows for `query` (analyzed term -> weight), best first, ties to the lower row. A chunk scores
   * `Σ weight(t) · idf(t) · tf~ / (k1 + tf~)`: weight 1 for every term of a plain query gives exactly the
   * scores of `LexicalIndex.search`. Unknown terms and terms with a weight that is not a positive finite
   * number are ignored; an empty query returns `[]`.
   */
  search(query: ReadonlyMap<string, number>, k: number): LexicalHit[];
  /** How many chunks hold `term` in either field (0 for an unknown term). */
  documentFrequency(term: string): number;
}

/**
 * Weighted-query search over BM25 postings (from `buildBm25Index(...).toSnapshot()` decoded, or a loaded snapshot).
 * Written beside `createBm25Searcher` rather than into the `LexicalIndex` contract, which has only unweighted search.
 *
 * @example
 * const searcher = createWeightedBm25Searcher(decodeBm25Postings(index.toSnapshot()));
 * searcher.search(new Map([['cat', 0.7], ['kitten', 0.3]]), 10);
 */
export function createWeightedBm25Searcher(postings: Bm25Postings): WeightedBm25Searcher {
  const { rows, termIds, offsets, ids, weights } = postings;
  const size = rows.length;
  // Reused across searches (search is synchronous), as in createBm25Searcher.
  let scores: Float32Array | undefined;
  let touched: Int32Array | undefined;
  return {
    size,
    documentFrequency(term) {
      const id = termIds.get(term);
      return id === undefined ? 0 : (offsets[id + 1] ?? 0) - (offsets[id] ?? 0);
    },
    search(query, k) {
      if (size === 0 || !(k >= 1)) return [];
      scores ??= new Float32Array(size);
      touched ??= new Int32Array(size);
      let touchedCount = 0;
      for (const [term, weight] of query) {
        const id = termIds.get(term);
        if (id === undefined || !(weight > 0 && Number.isFinite(weight))) continue;
        const end = offsets[id + 1] ?? 0;
        for (let posting = offsets[id] ?? 0; posting < end; posting++) {
          const chunk = ids[posting] ?? 0;
          const before = scores[chunk] ?? 0;
          if (before === 0) touched[touchedCount++] = chunk;
          scores[chunk] = before + weight * (weights[posting] ?? 0);
        }
      }
      const best = selectTopK(scores, touched, touchedCount, k);
      const hits: LexicalHit[] = [];
      for (const chunk of best) hits.push({ row: rows[chunk] ?? 0, score: scores[chunk] ?? 0 });
      for (let index = 0; index < touchedCount; index++) scores[touched[index] ?? 0] = 0;
      return hits;
    },
  };
}
