import type { GroundedConfig } from './config-schema.js';

/**
 * The configuration of `{}`: every default of `configSchema`, written out so a start-up with nothing configured
 * needs no schema library (see `loadConfigLazily`). `default-config.test.ts` holds it equal to
 * `configSchema.parse({})`; change both together. `dataDir` is relative, resolved against the working directory.
 *
 * @example
 * defaultConfig.lexical.k1; // 0.9
 */
export const defaultConfig: GroundedConfig = {
  dataDir: '.grounded',
  ingest: { include: [], exclude: [], maxFileBytes: 16 * 1024 * 1024, maxJsonlFileBytes: 256 * 1024 * 1024, batchFiles: 64, jsonl: {} },
  chunking: { maxTokens: 384, overlapTokens: 48 },
  lexical: { k1: 0.9, b: 0.4, stemmer: 'porter', stopWords: 'english' },
  retrieval: {
    k: 10,
    candidates: 100,
    fusion: 'rrf',
    rrfK: 60,
    semanticWeight: 0.5,
    decompose: true,
    maxPerDocument: 0,
    vectorIndex: 'auto',
    exactBelow: 20_000,
  },
  embedder: { provider: 'none', pooling: 'mean', batchSize: 64, concurrency: 2, timeoutMs: 60_000, maxRetries: 2 },
  reranker: { provider: 'none', passagesField: 'documents', depth: 50, timeoutMs: 60_000, maxRetries: 2 },
  answer: { maxSentences: 3, passages: 5 },
  llm: {
    provider: 'extractive',
    timeoutMs: 60_000,
    maxRetries: 2,
    maxOutputTokens: 800,
    contextTokens: 6_000,
    abstainBeforeGeneration: true,
    dropUnsupported: false,
    judgeCitations: false,
    pricing: {},
  },
};
