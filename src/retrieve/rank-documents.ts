import type { ScoredChunk } from '../core/document.js';

/**
 * Collapses ranked chunks into ranked document keys: a document ranks by its best chunk (max pooling, the usual
 * choice for passage-level retrieval scored at document level), at most `k` documents.
 *
 * @example
 * rankDocuments(hits, 100); // ['doc-3', 'doc-7', ...]
 */
export function rankDocuments(chunks: readonly ScoredChunk[], k: number): string[] {
  const documents: string[] = [];
  const seen = new Set<string>();
  for (const { chunk } of chunks) {
    if (documents.length >= k) break;
    if (seen.has(chunk.doc)) continue;
    seen.add(chunk.doc);
    documents.push(chunk.doc);
  }
  return documents;
}
