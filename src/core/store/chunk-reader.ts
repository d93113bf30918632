import type { Chunk } from '../document.js';
import type { FieldTerms } from '../lexical-index.js';

/**
 * A stored chunk's analyzed fields, for building the in-memory lexical index.
 *
 * `row` is the one engine number left in the contract, on purpose: the in-memory indexes (BM25 postings, vector
 * indexes, filter sets) address chunks by a small integer, and a dense one keeps them compact. A store hands out any
 * integer that stays the chunk's while it exists (SQLite: the rowid) and never reuses it within a generation.
 */
export interface IndexRow {
  readonly row: number;
  readonly body: FieldTerms;
  readonly title: FieldTerms;
}

/** The chunk rows of one document with its metadata, for filters applied before ranking. */
export interface DocumentRows {
  readonly key: string;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly rows: readonly number[];
}

/**
 * The read side of chunks, by the row numbers the in-memory indexes use (see {@link IndexRow}). Every read that
 * returns rows also returns the generation it read them at, so a cache built from it can be keyed by it.
 *
 * @example
 * const chunks = await store.open('docs').chunks.byRows(hits.map((hit) => hit.row));
 */
export interface ChunkReader {
  /** Every chunk's analyzed fields, read consistently with the generation. */
  indexRows(): Promise<{ generation: number; rows: IndexRow[] }>;
  /** Chunks by row in one read, however many rows (rows that no longer exist are absent from the map). */
  byRows(rows: readonly number[]): Promise<Map<number, Chunk>>;
  /** Every document's key, metadata and chunk rows, with the generation they were read at. */
  documentRows(): Promise<{ generation: number; documents: DocumentRows[] }>;
}
