import type { DocumentRows } from '../core/store/chunk-reader.js';

/**
 * The document key of every chunk row, from the store's `documentRows`: read once per generation, it lets document
 * ranking skip the chunk reads (see `retrieveDocuments`).
 *
 * @example
 * mapRowsToDocuments([{ key: 'a', metadata: {}, rows: [1, 2] }]); // Map { 1 => 'a', 2 => 'a' }
 */
export function mapRowsToDocuments(documents: readonly DocumentRows[]): Map<number, string> {
  const map = new Map<number, string>();
  for (const { key, rows } of documents) for (const row of rows) map.set(row, key);
  return map;
}
