/**
 * grounded: answer from your documents with citations, measure it, decide when to fine-tune.
 *
 * The public surface is small on purpose: open a knowledge base from configuration, sync files into it, search and
 * answer; run evaluations. Loopback protocol servers for tests live in `grounded/testing`.
 *
 * @example
 * import { createKnowledgeBase, createSqliteStore } from 'grounded';
 * await using kb = createKnowledgeBase({ store: createSqliteStore('.grounded/grounded.db'), name: 'docs' });
 * await kb.sync(['./docs']);
 * const answer = await kb.answer('How do I rotate the signing key?');
 */

// Opening and using a knowledge base: instances passed in, configuration optional.
export { createKnowledgeBase } from './app/knowledge-base/create-knowledge-base.js';
export type {
  AnswerOptions,
  AnswerStrategy,
  EmbedReport,
  IngestReport,
  KnowledgeBase,
  KnowledgeBaseAnswer,
  KnowledgeBaseOptions,
  KnowledgeBaseSettings,
  Provided,
  RetrievalPreset,
  SearchOptions,
  SyncReport,
} from './app/knowledge-base/knowledge-base.js';
export { createSqliteStore } from './indexing/stores/sqlite/create-sqlite-store.js';
export type { SqliteStoreOptions } from './indexing/stores/sqlite/create-sqlite-store.js';
// The CLI's way: the store in `config.dataDir` and providers from configuration (file and environment, when asked).
export { openKnowledgeBase } from './app/open-knowledge-base.js';
export type { OpenKnowledgeBaseOptions } from './app/open-knowledge-base.js';
// Answerers: the offline extractive reader, or any chat model.
export { createExtractiveAnswerer } from './answer/create-extractive-answerer.js';
export { createChatAnswerer } from './answer/create-chat-answerer.js';
export type { Answerer, AnswerRequest, AnswererResult } from './core/answerer.js';
export { loadConfig } from './config/load-config.js';
export type { GroundedConfig, GroundedConfigInput } from './config/config-schema.js';

// Evaluation.
export { runEvaluation } from './app/run-evaluation.js';
export type { EvaluationOutcome, RunEvaluationOptions } from './app/run-evaluation.js';
export { evaluateBeir } from './app/evaluate-beir.js';
export { importGoldenSet } from './app/import-golden-set.js';
export { compareRuns, renderHtmlReport } from './app/evaluation-types.js';
export type { EvalRunReport, RunComparison } from './app/evaluation-types.js';

// Calibration: fit a knowledge base's abstention gate on its own golden set (`grounded tune answerability`).
export { tuneAnswerability } from './app/tune-answerability.js';
export type { AnswerabilityTuning, TuneAnswerabilityOptions } from './app/tune-answerability.js';

// Domain types and contracts, for adapters of your own.
export type { Answer, Citation } from './core/answer.js';
export type { ChatModel, ChatRequest, ChatResult, ChatStreamPart, ChatUsage } from './core/chat-model.js';
export type { Chunk, LoadedDocument, ScoredChunk } from './core/document.js';
export type { DocumentLoader } from './core/document-loader.js';
export type { Embedder, EmbedOptions, EmbeddingKind } from './core/embedder.js';
export type { Reranker, RerankOptions } from './core/reranker.js';
export type { VectorHit, VectorIndex, VectorSearchOptions } from './core/vector-index.js';
export type { SearchFilter } from './core/search-filter.js';
export type { GoldenCase } from './core/golden-case.js';
export type { KnowledgeBaseStore, Store } from './core/store/store.js';
export type { ChunkReader, DocumentRows, IndexRow } from './core/store/chunk-reader.js';
export type { DocumentReader, StoredDocument } from './core/store/document-reader.js';
export type { CachedEmbedding, EmbeddingCache, TextToEmbed } from './core/store/embedding-cache.js';
export type { LexicalSnapshots } from './core/store/lexical-snapshots.js';
export type { RunHistory, StoredEvalRun } from './core/store/run-history.js';
export type { SourceWriter, SourceRecord, SyncBatch } from './core/store/source-writer.js';
export type { TraceLog, StoredTrace } from './core/store/trace-log.js';
export type { TunedModels, StoredTunedModel } from './core/store/tuned-models.js';
export { GroundedError, isGroundedError } from './core/errors.js';
export type { ErrorCode } from './core/errors.js';
