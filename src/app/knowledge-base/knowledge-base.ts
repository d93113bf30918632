import type { AnswerabilityFeatures } from '../../core/answerability-features.js';
import type { AnswerStrategy, Answerer, AnswererResult } from '../../core/answerer.js';
import type { Answer } from '../../core/answer.js';
import type { ChatModel } from '../../core/chat-model.js';
import type { ScoredChunk } from '../../core/document.js';
import type { DocumentLoader } from '../../core/document-loader.js';
import type { Embedder } from '../../core/embedder.js';
import type { Reranker } from '../../core/reranker.js';
import type { SearchFilter } from '../../core/search-filter.js';
import type { KnowledgeBaseStore, Store } from '../../core/store/store.js';
import type { GroundedConfigInput } from '../../config/config-schema.js';
import type { EmbedReport } from '../../ingest/embed/embed-chunks.js';
import type { SyncReport } from '../../ingest/sync/sync-report.js';
import type { SyncSourcesOptions } from '../../ingest/sync/sync-sources-options.js';

export type { AnswerStrategy, EmbedReport, SyncReport };

/** Named retrieval set-ups: BM25 only; BM25 and dense vectors fused; fused, then reranked by a cross-encoder. */
export type RetrievalPreset = 'lexical' | 'hybrid' | 'hybrid-rerank';

/** An instance, or a function building it on first use (the CLI builds providers from configuration lazily). */
export type Provided<T> = T | (() => T);

/** What {@link createKnowledgeBase} is built from: instances passed in, configuration optional. */
export interface KnowledgeBaseOptions {
  /** Where the knowledge base lives; `close()` closes it. */
  readonly store: Store;
  /** Knowledge base name; default `default`. */
  readonly name?: string;
  /** Settings (chunking, BM25, retrieval, answering); every field has a default. Never read from files or the environment. */
  readonly config?: GroundedConfigInput;
  /** File loaders for `sync`; default the built-in ones (Markdown, HTML, text, JSON Lines). */
  readonly loaders?: readonly DocumentLoader[];
  /** Dense retrieval; absent: lexical only. */
  readonly embedder?: Provided<Embedder>;
  /** The `hybrid-rerank` preset's cross-encoder. */
  readonly reranker?: Provided<Reranker>;
  /** Answers with this model; absent: the offline extractive answerer. */
  readonly chatModel?: Provided<ChatModel>;
  /** Answers with this answerer instead (overrides `chatModel`). */
  readonly answerer?: Answerer;
  /** Folder an HNSW vector index is persisted in; absent: built in memory. */
  readonly vectorDir?: string;
  /** One-line notices about things repaired on the way (a damaged saved index rebuilt). Default: none. */
  readonly onNotice?: (message: string) => void;
}

/** Per-query retrieval options. */
export interface SearchOptions {
  /** Default `retrieval.k`. */
  readonly k?: number;
  /** Default `retrieval.preset`, else `hybrid` with an embedder, else `lexical`. */
  readonly preset?: RetrievalPreset;
  /** Applied before ranking. */
  readonly filter?: SearchFilter;
  readonly signal?: AbortSignal;
}

/** Per-query options of document retrieval: `k` documents, ranked by their best chunk among the `depth` best. */
export interface SearchDocumentsOptions extends SearchOptions {
  /** Chunks ranked before they are collapsed to documents; default `3 * k`. */
  readonly depth?: number;
}

/** Per-request answering options. */
export interface AnswerOptions {
  /** Default `rag`. */
  readonly strategy?: AnswerStrategy;
  /** Retrieval preset of the `rag` strategy. */
  readonly preset?: RetrievalPreset;
  readonly filter?: SearchFilter;
  /** Receives the answer text as it streams. */
  readonly onDelta?: (text: string) => void;
  readonly signal?: AbortSignal;
}

/** What a sync did, including the embedding pass when dense retrieval is configured. */
export interface IngestReport extends SyncReport {
  /** Absent without an embedder. A failed pass sets `error`; run the sync again to finish it. */
  readonly embedding?: EmbedReport;
}

/** An answer with what produced it and what it cost. */
export interface KnowledgeBaseAnswer extends Omit<AnswererResult, 'modelId'>, Pick<Answer, 'timings'> {
  readonly provider: string;
  readonly modelId: string | null;
  /** Predicted probability, in [0, 1], that the knowledge base answers the question (`rag`; 1 for other strategies). */
  readonly answerability: number;
  /** The signals it was predicted from (`rag` only). */
  readonly answerabilityFeatures?: AnswerabilityFeatures;
}

/** What shapes a knowledge base's results, for run fingerprints: hashes, ids and settings, never credentials. */
export interface KnowledgeBaseSettings {
  readonly corpusHash: string;
  readonly chunker: string;
  readonly retriever: string;
  readonly answerer: string;
}

/**
 * A long-lived knowledge base: every call checks the store's generation, so a sync by another instance or process
 * shows at the next call. Failures are `GroundedError`s.
 */
export interface KnowledgeBase extends AsyncDisposable {
  readonly name: string;
  /** Syncs files and folders; creates the knowledge base when it does not exist. */
  sync(paths: readonly string[], options?: Pick<SyncSourcesOptions, 'readFile' | 'onProgress' | 'prune' | 'followExternalLinks'>): Promise<IngestReport>;
  /** The `k` best passages. Throws `KB_NOT_FOUND` before the first sync, `INVALID_CONFIG` for a preset whose models are missing. */
  search(query: string, options?: SearchOptions): Promise<ScoredChunk[]>;
  /**
   * The `k` best document keys, each ranked by its best chunk (see {@link SearchDocumentsOptions}). Rows map to
   * documents in memory (read once per generation), so no chunk is read unless a reranker or MMR needs the texts.
   */
  searchDocuments(query: string, options?: SearchDocumentsOptions): Promise<string[]>;
  /** A cited answer or an abstention. */
  answer(question: string, options?: AnswerOptions): Promise<KnowledgeBaseAnswer>;
  /** Stored documents' normalized texts (what citation offsets point into), by key, in one read. */
  documentTexts(keys: readonly string[]): Promise<Map<string, string>>;
  /** Fingerprint parts for stored eval runs. */
  settings(strategy?: AnswerStrategy, preset?: RetrievalPreset): Promise<KnowledgeBaseSettings>;
  /** The preset a search without one uses, and the configured retrieval depth and passages read. */
  readonly defaults: { readonly preset: RetrievalPreset; readonly k: number; readonly passages: number };
  /** The preset a search without one uses. */
  readonly defaultPreset: RetrievalPreset;
  /** The knowledge base's store handle (run history, tuned models). */
  readonly store: KnowledgeBaseStore;
  /** Milliseconds the last lexical index load took (0 until the first search). */
  readonly indexLoadMs: number;
  /** Closes the store. */
  close(): Promise<void>;
}
