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

/** A distinct text to embed: the sha256 of `embeddingText(chunk)` (the cache key, with the model) and the text. */
export interface TextToEmbed {
  readonly hash: string;
  readonly text: string;
}

/** A cached vector of a text under a model. */
export interface CachedEmbedding {
  readonly hash: string;
  readonly vector: Float32Array;
}

/** The chunk rows of one document with its metadata, for filters applied before ranking. */
export interface DocumentRows {
  readonly key: string;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly rows: readonly number[];
}

/**
 * Persistent storage for knowledge bases. Every write method is transactional.
 * Knowledge bases are isolated: no method ever returns data of another one.
 *
 * Failures carry stable codes: `KB_NOT_FOUND` (also for a store that does not exist yet: reads never create one),
 * `STORE_BUSY` (another process holds the write lock too long), `DISK_FULL`, `STORE_READ_ONLY` (a write where the
 * store cannot be written), `STORE_CORRUPT` (a damaged store), `STORE_FOREIGN` (a database grounded did not create).
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
  /**
   * Applies a batch in one transaction. Throws `KEY_TAKEN` (and applies nothing) when a document key of the batch
   * belongs to a source the batch does not replace: another writer took it after the caller checked.
   */
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
   * Ignored when the knowledge base has changed since: a stale snapshot is never stored. `maxWaitMs` bounds how long
   * it waits for another writer (default: the store's busy timeout), for callers that only cache: a read path passes a
   * short wait and ignores `STORE_BUSY`, `DISK_FULL` and `STORE_READ_ONLY`.
   */
  putIndexSnapshot(kb: string, key: string, generation: number, bytes: Uint8Array, options?: { readonly maxWaitMs?: number }): void;
  /** Chunks by store row id (rows that no longer exist are absent from the map). */
  chunksByRow(kb: string, rows: readonly number[]): Map<number, Chunk>;
  /** Saves an evaluation run in the knowledge base's history. */
  saveEvalRun(kb: string, run: StoredEvalRun): void;
  /** The history, newest first, without the full reports. */
  listEvalRuns(kb: string): Omit<StoredEvalRun, 'report'>[];
  /** One run by id or unique id prefix; undefined when none or several match. */
  getEvalRun(kb: string, idOrPrefix: string): StoredEvalRun | undefined;
  /**
   * Distinct chunk texts of the knowledge base with no cached vector under `model` (an embedder id), so a text is
   * embedded once however many chunks share it, and never again while it is cached.
   */
  textsToEmbed(kb: string, model: string): TextToEmbed[];
  /**
   * Caches vectors under `model` in one transaction. The cache is keyed by text hash and model, shared by the
   * knowledge bases of the store (equal texts have equal vectors), and holds no text.
   */
  putEmbeddings(model: string, embeddings: readonly CachedEmbedding[]): void;
  /** How many chunks there are and how many have a cached vector under `model`. */
  embeddingCoverage(kb: string, model: string): { chunks: number; embedded: number };
  /**
   * Every chunk with a cached vector under `model`, by row, read consistently with the generation. Rows listed in
   * `only` restrict the read (vectors of a few candidates).
   */
  chunkVectors(kb: string, model: string, only?: readonly number[]): { generation: number; rows: number[]; vectors: Float32Array[] };
  /** Deletes cached vectors whose text no chunk of any knowledge base has any more; returns how many. */
  pruneEmbeddings(): number;
  /** The knowledge base's generation: bumped by every batch that changes something. */
  generation(kb: string): number;
  /** Every document's key, metadata and chunk rows, with the generation they were read at. */
  documentRows(kb: string): { generation: number; documents: DocumentRows[] };
  /** Every document's key and text, ordered by key (the long-context strategy puts them all in the prompt). */
  allDocuments(kb: string): { key: string; text: string }[];
  /** One document by key. */
  getDocument(kb: string, key: string): StoredDocument | undefined;
  /**
   * A small tuned model of the knowledge base by name (e.g. `answerability`, the answerability calibration model):
   * its JSON payload, as stored, and its ISO creation time; undefined when none is stored under that name.
   * Throws `KB_NOT_FOUND` for an unknown knowledge base.
   *
   * @example
   * const stored = store.getTunedModel('docs', 'answerability');
   * const model = stored === undefined ? undefined : JSON.parse(stored.payload);
   */
  getTunedModel(kb: string, name: string): { readonly payload: string; readonly createdAt: string } | undefined;
  /**
   * Stores a tuned model's JSON payload under `name`, replacing the one stored before, in one transaction.
   * The store keeps the payload as given (it does not parse it). `createdAt` is an ISO time.
   * Throws `KB_NOT_FOUND` for an unknown knowledge base.
   *
   * @example
   * store.putTunedModel('docs', 'answerability', JSON.stringify(model), new Date().toISOString());
   */
  putTunedModel(kb: string, name: string, payload: string, createdAt: string): void;
  /**
   * Deletes a tuned model; returns whether one was stored under `name`.
   * Throws `KB_NOT_FOUND` for an unknown knowledge base.
   */
  deleteTunedModel(kb: string, name: string): boolean;
  close(): void;
}
