import type { Chunk, ScoredChunk } from '../../../src/core/document.js';
import type { Analyzer, LexicalIndex } from '../../../src/core/lexical-index.js';

/** What {@link searchLexical} reads from. */
export interface LexicalSearcher {
  /** Every chunk of the knowledge base by row, read once. */
  readonly chunks: ReadonlyMap<number, Chunk>;
  readonly analyzer: Analyzer;
  readonly index: LexicalIndex;
}

/**
 * BM25 search over a knowledge base's chunks. Any text is a valid query (no syntax): operators, quotes and
 * emoji are just characters, and a query with no indexable term returns no results.
 *
 * @example
 * const hits = searchLexical(searcher, 'how do I enable gzip?', 10);
 */
export function searchLexical(searcher: LexicalSearcher, query: string, k: number): ScoredChunk[] {
  const hits = searcher.index.search(searcher.analyzer.terms(query), k);
  const { chunks } = searcher;
  const results: ScoredChunk[] = [];
  for (const hit of hits) {
    const chunk = chunks.get(hit.row);
    if (chunk !== undefined) results.push({ chunk, score: hit.score, rank: results.length + 1 });
  }
  return results;
}
