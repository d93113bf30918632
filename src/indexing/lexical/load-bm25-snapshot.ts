import type { LexicalIndex } from '../../core/lexical-index.js';
import { decodeBm25Postings } from './bm25-postings.js';
import { createBm25Searcher } from './create-bm25-searcher.js';

/**
 * Loads a BM25 index from the bytes of `index.toSnapshot()`: the same scores as the index it came from, without
 * reading or re-scoring the chunks. Throws `STORE_CORRUPT` on a damaged snapshot.
 *
 * @example
 * const index = loadBm25Snapshot(buildBm25Index(rows).toSnapshot());
 */
export function loadBm25Snapshot(bytes: Uint8Array): LexicalIndex {
  return createBm25Searcher(decodeBm25Postings(bytes));
}
