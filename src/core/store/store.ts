import type { ChunkReader } from './chunk-reader.js';
import type { DocumentReader } from './document-reader.js';
import type { EmbeddingCache } from './embedding-cache.js';
import type { LexicalSnapshots } from './lexical-snapshots.js';
import type { RunHistory } from './run-history.js';
import type { SourceWriter } from './source-writer.js';
import type { TraceLog } from './trace-log.js';
import type { TunedModels } from './tuned-models.js';

/**
 * One knowledge base of a store, split by role. Every method is async and, unless it says otherwise, throws
 * `KB_NOT_FOUND` when the knowledge base does not exist (yet). The handle holds no engine ids: another process may
 * create the knowledge base after the handle was opened, and the next call sees it.
 */
export interface KnowledgeBaseStore {
  readonly name: string;
  /** Creates the knowledge base if it is missing. */
  create(): Promise<void>;
  /** A counter bumped by every batch that changes something: caches derived from the store are keyed by it. */
  generation(): Promise<number>;
  /** Number of documents and chunks. */
  counts(): Promise<{ documents: number; chunks: number }>;
  readonly sources: SourceWriter;
  readonly chunks: ChunkReader;
  readonly documents: DocumentReader;
  readonly lexical: LexicalSnapshots;
  readonly embeddings: EmbeddingCache;
  readonly runs: RunHistory;
  readonly tunedModels: TunedModels;
  /** Absent: this store keeps no traces (see {@link TraceLog}). */
  readonly traces?: TraceLog;
}

/**
 * Persistent storage for knowledge bases, isolated from each other: no handle ever returns another one's data.
 * Writes are transactional (all of a batch or none of it); reads never create anything.
 *
 * Failures carry stable codes: `KB_NOT_FOUND` (also for a store that does not exist yet), `STORE_BUSY` (another
 * process holds the write lock too long), `DISK_FULL`, `STORE_READ_ONLY` (a write where the store cannot be written),
 * `STORE_CORRUPT` (a damaged store), `STORE_FOREIGN` (a database grounded did not create), `KEY_TAKEN`.
 *
 * @example
 * const store = createSqliteStore('.grounded/grounded.db');
 * const docs = store.open('docs');
 * await docs.create();
 * console.log(await docs.counts());
 * await store.close();
 */
export interface Store {
  /** Knowledge base names; empty when the store does not exist yet. */
  listKnowledgeBases(): Promise<string[]>;
  /** A handle on one knowledge base; no I/O happens until a method of it is called. */
  open(kb: string): KnowledgeBaseStore;
  /** Deletes cached vectors whose text no chunk of any knowledge base has any more; returns how many. */
  pruneEmbeddings(): Promise<number>;
  close(): Promise<void>;
}
