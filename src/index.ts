/**
 * grounded: answer from your documents with citations, measure it, decide when to fine-tune.
 *
 * The public surface is small on purpose: open a knowledge base from configuration, sync files into it, search and
 * answer; run evaluations. Loopback protocol servers for tests live in `grounded/testing`.
 *
 * @example
 * import { createKnowledgeBase, loadConfig } from 'grounded';
 * const kb = createKnowledgeBase({ config: loadConfig(), kb: 'docs' });
 * await kb.sync(['./docs']);
 * const answer = await kb.answer('How do I rotate the signing key?');
 */

// Opening and using a knowledge base.
export { createKnowledgeBase } from './app/create-knowledge-base.js';
export type {
  AnswerOptions,
  AnswerStrategy,
  EmbedReport,
  IngestReport,
  KnowledgeBase,
  KnowledgeBaseAnswer,
  RetrievalPreset,
  SearchOptions,
  SyncReport,
} from './app/create-knowledge-base.js';
export { loadConfig } from './config/load-config.js';
export type { GroundedConfig, GroundedConfigInput } from './config/config-schema.js';

// Evaluation.
export { runEvaluation } from './app/run-evaluation.js';
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
export type { Store } from './core/store.js';
export { GroundedError, isGroundedError } from './core/errors.js';
export type { ErrorCode } from './core/errors.js';
