import type { RowHit } from './fuse/row-hit.js';

/**
 * Collapses ranked rows into ranked document keys with an in-memory row -> document map: a document ranks by its best
 * row (max pooling, as `rankDocuments` does with chunks), at most `k` documents. Rows the map does not hold (removed
 * since the map was read) are skipped, as a chunk read would skip them.
 *
 * @example
 * rankDocumentRows([{ row: 4, score: 2 }, { row: 9, score: 1 }], new Map([[4, 'a'], [9, 'a']]), 10); // ['a']
 */
export function rankDocumentRows(hits: readonly RowHit[], documentOf: ReadonlyMap<number, string>, k: number): string[] {
  const documents: string[] = [];
  const seen = new Set<string>();
  for (const { row } of hits) {
    if (documents.length >= k) break;
    const document = documentOf.get(row);
    if (document === undefined || seen.has(document)) continue;
    seen.add(document);
    documents.push(document);
  }
  return documents;
}
