import type { Chunk, ChunkSpan, LoadedDocument } from '../../core/document.js';
import type { DocumentLoader } from '../../core/document-loader.js';
import type { FieldTerms } from '../../core/lexical-index.js';
import type { KnowledgeBaseStore } from '../../core/store/store.js';

/** Dependencies and settings of `syncSources`. */
export interface SyncSourcesOptions {
  /** The knowledge base to sync into (created when missing). */
  readonly store: KnowledgeBaseStore;
  /** Files or folders to sync. */
  readonly paths: readonly string[];
  readonly loaders: readonly DocumentLoader[];
  /** Splits a document into spans (the configured chunker). */
  readonly chunk: (document: LoadedDocument) => ChunkSpan[];
  /** Analyzes a chunk's fields for the lexical index. */
  readonly analyze: (chunk: Chunk) => { body: FieldTerms; title: FieldTerms };
  /**
   * Fingerprint of everything that shapes stored chunks (chunker and analyzer settings), stored per file. A file
   * indexed with another fingerprint is re-indexed even if unchanged, so changing settings re-chunks exactly once,
   * even across an interrupted sync.
   */
  readonly fingerprint: string;
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
  /**
   * Also remove tracked files that are still on disk but that include/exclude now leave out. Default false: filters
   * choose what to read, and removal is for files gone from disk.
   */
  readonly prune?: boolean;
  /** Follow symlinks that resolve outside the synced paths (default false: they are skipped and reported). */
  readonly followExternalLinks?: boolean;
  /** Largest single-document file (not JSON Lines), counted decompressed for `.gz`; default 16 MiB. */
  readonly maxFileBytes?: number;
  /** Largest JSON Lines file, counted decompressed for `.gz` (decompression stops there); default 256 MiB. */
  readonly maxJsonlFileBytes?: number;
  /** Files per transaction; default 64. */
  readonly batchFiles?: number;
  /** Seam for tests: reads a file's bytes. Default `fs.readFile`. */
  readonly readFile?: (absolutePath: string) => Promise<Uint8Array>;
  /** Called after each committed batch. */
  readonly onProgress?: (progress: { files: number; total: number }) => void;
  /** Clock seam; default `performance.now`. */
  readonly now?: () => number;
}
