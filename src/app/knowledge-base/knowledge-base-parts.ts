import type { AnswerabilityModel } from '../../core/answerability-model.js';
import type { Answerer } from '../../core/answerer.js';
import type { DocumentLoader } from '../../core/document-loader.js';
import type { Embedder } from '../../core/embedder.js';
import type { Analyzer, LexicalIndex } from '../../core/lexical-index.js';
import type { Reranker } from '../../core/reranker.js';
import type { SearchFilter } from '../../core/search-filter.js';
import type { KnowledgeBaseStore } from '../../core/store/store.js';
import type { TokenCounter } from '../../core/token-counter.js';
import type { GroundedConfig } from '../../config/config-schema.js';
import type { OpenedDenseRetriever } from '../open-dense-retriever.js';
import type { RetrievalPreset } from './knowledge-base.js';

/**
 * The pieces of one knowledge base service, shared by its operations (search, answer, sync, settings). Every cached
 * piece takes the generation the caller read at the start of its call, and is rebuilt when it moved.
 */
export interface KnowledgeBaseParts {
  readonly store: KnowledgeBaseStore;
  readonly config: GroundedConfig;
  readonly analyzer: Analyzer;
  readonly counter: TokenCounter;
  readonly loaders: () => Promise<readonly DocumentLoader[]>;
  readonly defaultPreset: RetrievalPreset;
  /** The BM25F index of `generation`; `required` saves (ingest) fail loudly. */
  lexical(generation: number, save?: 'required' | 'best-effort'): Promise<LexicalIndex>;
  /** The embedder, or `INVALID_CONFIG` naming the preset that needs it. */
  embedder(preset: RetrievalPreset): Embedder;
  /** Undefined: no embedder is configured (nothing is built to find out). */
  embedderIfAny(): Embedder | undefined;
  /** The dense retriever of `generation`; `bestEffortSave` false during a sync. */
  dense(preset: RetrievalPreset, generation: number, bestEffortSave?: boolean): Promise<OpenedDenseRetriever>;
  /** Drops the dense retriever (after an embedding pass). */
  resetDense(): void;
  reranker(): Reranker;
  /** Undefined: no reranker is configured (nothing is built to find out). */
  rerankerIfAny(): Reranker | undefined;
  /** Every chunk row's document key at `generation` (read once per generation), for document ranking without chunk reads. */
  rowDocuments(generation: number): Promise<ReadonlyMap<number, string>>;
  /** Rows a filter accepts at `generation`; undefined for no filter. */
  allowedRows(filter: SearchFilter | undefined, generation: number): Promise<ReadonlySet<number> | undefined>;
  answerer(): Answerer;
  /** The knowledge base's tuned answerability model, else the shipped one. */
  answerabilityModel(): Promise<AnswerabilityModel>;
  /** Deletes cached vectors no knowledge base of the store uses any more. */
  pruneEmbeddings(): Promise<number>;
  notice(message: string): void;
}
