import type { Chunk, LoadedDocument } from './document.js';
import type { FieldTerms } from './lexical-index.js';

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

/** A stored chunk row for building an in-memory lexical index. */
export interface IndexRow {
  /** The store's own id for the chunk (dense enough to use as a row number). */
  readonly row: number;
  readonly body: FieldTerms;
  readonly title: FieldTerms;
}

/** A stored document's text, for citations. */
export interface StoredDocument {
  readonly key: string;
  readonly title: string;
  readonly text: string;
  readonly metadata: Readonly<Record<string, unknown>>;
}

/** A stored evaluation run: a few summary fields for listing, and the whole report as JSON. */
export interface StoredEvalRun {
  readonly id: string;
  /** ISO time. */
  readonly createdAt: string;
  /** The golden set file the run scored. */
  readonly golden: string;
  /** Headline figures shown by `eval list`. */
  readonly summary: Readonly<Record<string, unknown>>;
  /** The full report, JSON. */
  readonly report: string;
}

/**
 * Persistent storage for knowledge bases. Every write method is transactional.
 * Knowledge bases are isolated: no method ever returns data of another one.
 */
export interface Store {
  /** Knowledge base names. */
  listKnowledgeBases(): string[];
  /** Creates the knowledge base if missing; returns its id. */
  ensureKnowledgeBase(kb: string): number;
  /** The knowledge base's id; throws `KB_NOT_FOUND` when it does not exist. */
  requireKnowledgeBase(kb: string): number;
  /** Tracked sources of a knowledge base. */
  listSources(kb: string): SourceRecord[];
  /** Document keys already taken in the knowledge base by sources other than the given one. */
  findDocumentOwner(kb: string, key: string): { root: string; path: string } | undefined;
  /** Applies a batch in one transaction. */
  applyBatch(kb: string, batch: SyncBatch): void;
  /** Number of chunks and documents. */
  counts(kb: string): { documents: number; chunks: number };
  /**
   * Every chunk's analyzed fields, for building the lexical index, read consistently with the knowledge base's
   * generation (a counter bumped by every batch that changes something).
   */
  indexRows(kb: string): { generation: number; rows: IndexRow[] };
  /** A saved lexical index, only when it was built from the current generation under the same `key`. */
  getIndexSnapshot(kb: string, key: string): Uint8Array | undefined;
  /**
   * Saves a lexical index built from `generation` under `key` (the index settings), replacing older snapshots.
   * Ignored when the knowledge base has changed since: a stale snapshot is never stored.
   */
  putIndexSnapshot(kb: string, key: string, generation: number, bytes: Uint8Array): void;
  /** Chunks by store row id (rows that no longer exist are absent from the map). */
  chunksByRow(kb: string, rows: readonly number[]): Map<number, Chunk>;
  /** Saves an evaluation run in the knowledge base's history. */
  saveEvalRun(kb: string, run: StoredEvalRun): void;
  /** The history, newest first, without the full reports. */
  listEvalRuns(kb: string): Omit<StoredEvalRun, 'report'>[];
  /** One run by id or unique id prefix; undefined when none or several match. */
  getEvalRun(kb: string, idOrPrefix: string): StoredEvalRun | undefined;
  /** Every document's key and text, ordered by key (the long-context strategy puts them all in the prompt). */
  allDocuments(kb: string): { key: string; text: string }[];
  /** One document by key. */
  getDocument(kb: string, key: string): StoredDocument | undefined;
  close(): void;
}
