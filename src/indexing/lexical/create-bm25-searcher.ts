import type { LexicalHit, LexicalIndex } from '../../core/lexical-index.js';
import { encodeBm25Postings, type Bm25Postings } from './bm25-postings.js';
import { selectTopK } from './select-top-k.js';

/**
 * Top-k BM25 search over precomputed postings (built by `buildBm25Index` or loaded from a snapshot).
 *
 * @example
 * const index = createBm25Searcher(postings);
 * index.search(['cat'], 10);
 */
export function createBm25Searcher(postings: Bm25Postings): LexicalIndex {
  const { rows, termIds, offsets, ids, weights } = postings;
  const size = rows.length;
  // Reused across searches (search is synchronous): no allocation proportional to the corpus per query.
  let scores: Float32Array | undefined;
  let touched: Int32Array | undefined;
  return {
    size,
    toSnapshot: () => encodeBm25Postings(postings),
    idf(term: string): number {
      const id = termIds.get(term);
      const documentFrequency = id === undefined ? 0 : (offsets[id + 1] ?? 0) - (offsets[id] ?? 0);
      return Math.log(1 + (size - documentFrequency + 0.5) / (documentFrequency + 0.5));
    },
    search(queryTerms: readonly string[], k: number): LexicalHit[] {
      if (size === 0 || !(k >= 1)) return [];
      const queryFrequency = new Map<number, number>();
      for (const term of queryTerms) {
        const id = termIds.get(term);
        if (id !== undefined) queryFrequency.set(id, (queryFrequency.get(id) ?? 0) + 1);
      }
      if (queryFrequency.size === 0) return [];
      scores ??= new Float32Array(size);
      touched ??= new Int32Array(size);
      let touchedCount = 0;
      for (const [term, frequency] of queryFrequency) {
        const end = offsets[term + 1] ?? 0;
        for (let posting = offsets[term] ?? 0; posting < end; posting++) {
          const id = ids[posting] ?? 0;
          const before = scores[id] ?? 0;
          if (before === 0) touched[touchedCount++] = id;
          scores[id] = before + frequency * (weights[posting] ?? 0);
        }
      }
      const best = selectTopK(scores, touched, touchedCount, k);
      const hits: LexicalHit[] = [];
      for (const id of best) hits.push({ row: rows[id] ?? 0, score: scores[id] ?? 0 });
      for (let index = 0; index < touchedCount; index++) scores[touched[index] ?? 0] = 0;
      return hits;
    },
  };
}
