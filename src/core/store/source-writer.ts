import type { Chunk, LoadedDocument } from '../document.js';
import type { FieldTerms } from '../lexical-index.js';

/** A tracked source file of a knowledge base. */
export interface SourceRecord {
  /** Absolute path of the ingested root the file was found under. */
  readonly root: string;
  /** Path relative to `root`, `/`-separated. */
  readonly path: string;
  /** sha256 of the file's bytes (hex). */
  readonly hash: string;
  readonly size: number;
  /** Fingerprint of the chunker and analyzer settings the file was indexed with. */
  readonly fingerprint: string;
}

/** A chunk ready to be stored, with its analyzed fields. */
export interface ChunkToStore {
  readonly chunk: Chunk;
  readonly body: FieldTerms;
  readonly title: FieldTerms;
}

/** A document and its chunks, written together. */
export interface DocumentToStore {
  readonly document: LoadedDocument;
  readonly chunks: readonly ChunkToStore[];
}

/** One unit of a sync batch: a source file and everything it produced (replaces what it had). */
export interface SourceUpsert {
  readonly source: SourceRecord;
  readonly documents: readonly DocumentToStore[];
}

/** A batch of changes applied atomically: all of it or none of it. */
export interface SyncBatch {
  readonly upserts: readonly SourceUpsert[];
  /** Sources to delete with all their documents and chunks. */
  readonly removals: readonly { readonly root: string; readonly path: string }[];
}

/** The source file a stored document came from. */
export interface SourceLocation {
  readonly root: string;
  readonly path: string;
}

/**
 * The write side of a knowledge base: its tracked source files and the batches that replace them. The sync algorithm
 * (`syncSources`) is written against this role only.
 *
 * @example
 * const sources = await store.open('docs').sources.list();
 */
export interface SourceWriter {
  /** Tracked sources. Throws `KB_NOT_FOUND` when the knowledge base does not exist. */
  list(): Promise<SourceRecord[]>;
  /** The source owning each of the given document keys, in one read; keys nobody owns are absent. */
  owners(keys: readonly string[]): Promise<Map<string, SourceLocation>>;
  /**
   * Applies a batch in one transaction and bumps the generation when it changes something. Throws `KEY_TAKEN` (and
   * applies nothing) when a document key of the batch belongs to a source the batch does not replace: another writer
   * took it after the caller checked.
   */
  apply(batch: SyncBatch): Promise<void>;
}
