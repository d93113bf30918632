import type { LexicalHit, LexicalIndex, LexicalQuery, LexicalSearchOptions } from '../../core/lexical-index.js';
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
  const documentFrequency = (term: string): number => {
    const id = termIds.get(term);
    return id === undefined ? 0 : (offsets[id + 1] ?? 0) - (offsets[id] ?? 0);
  };
  return {
    size,
    toSnapshot: () => encodeBm25Postings(postings),
    documentFrequency,
    idf(term: string): number {
      const frequency = documentFrequency(term);
      return Math.log(1 + (size - frequency + 0.5) / (frequency + 0.5));
    },
    search(query: LexicalQuery, k: number, options: LexicalSearchOptions = {}): LexicalHit[] {
      if (size === 0 || !(k >= 1)) return [];
      const queryFrequency = new Map<number, number>();
      for (const [term, weight] of weightedTerms(query)) {
        const id = termIds.get(term);
        if (id !== undefined && weight > 0) queryFrequency.set(id, (queryFrequency.get(id) ?? 0) + weight);
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
      // The filter narrows the candidates before the top k are chosen, so k accepted rows come back when they exist.
      const { accept } = options;
      let candidates = touchedCount;
      if (accept !== undefined) {
        candidates = 0;
        for (let index = 0; index < touchedCount; index++) {
          const id = touched[index] ?? 0;
          if (accept(rows[id] ?? 0)) {
            touched[index] = touched[candidates] ?? 0;
            touched[candidates++] = id;
          }
        }
      }
      const best = selectTopK(scores, touched, candidates, k);
      const hits: LexicalHit[] = [];
      for (const id of best) hits.push({ row: rows[id] ?? 0, score: scores[id] ?? 0 });
      for (let index = 0; index < touchedCount; index++) scores[touched[index] ?? 0] = 0;
      return hits;
    },
  };
}

/** A query's terms with their weights: a term list counts repeats, a map gives weights directly. */
function weightedTerms(query: LexicalQuery): Iterable<[string, number]> {
  if (!Array.isArray(query)) return (query as ReadonlyMap<string, number>).entries();
  const counts = new Map<string, number>();
  for (const term of query as readonly string[]) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts.entries();
}
