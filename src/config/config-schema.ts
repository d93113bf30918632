import { z } from 'zod';

/**
 * The configuration file's schema (`grounded.config.json`). Every field has a default, so `{}` is a valid config.
 * Values are documented where they are used; defaults with a source say where they come from.
 */
export const configSchema = z
  .object({
    /** Data directory holding the store (`grounded.db`). CLI `--data-dir` and `GROUNDED_DATA_DIR` override it. */
    dataDir: z.string().default('.grounded'),
    ingest: z
      .object({
        /** Globs (relative to each ingested root) a file must match; default all supported files. */
        include: z.array(z.string()).default([]),
        /** Globs to leave out; `.gitignore` rules apply on top. */
        exclude: z.array(z.string()).default([]),
        /**
         * Largest single-document file read whole (Markdown, HTML, text). Bigger files are reported and skipped:
         * they are nearly always logs or data dumps. JSON Lines files are exempt (each record is a document).
         */
        maxFileBytes: z.number().int().positive().default(16 * 1024 * 1024),
        /** Files per transaction. Smaller batches lose less work to a crash; larger ones ingest faster. */
        batchFiles: z.number().int().positive().default(64),
        /** JSON Lines field mapping; defaults fit BEIR `corpus.jsonl`. */
        jsonl: z
          .object({
            idField: z.string().optional(),
            titleField: z.string().optional(),
            textFields: z.array(z.string()).optional(),
          })
          .default({}),
      })
      .default({ include: [], exclude: [], maxFileBytes: 16 * 1024 * 1024, batchFiles: 64, jsonl: {} }),
    chunking: z
      .object({
        /** Most tokens in a chunk (approximate GPT-style tokens). */
        maxTokens: z.number().int().min(16).max(8192).default(384),
        /** Tokens of trailing sentences repeated at the start of the next chunk of the same section. */
        overlapTokens: z.number().int().min(0).max(1024).default(48),
      })
      .default({ maxTokens: 384, overlapTokens: 48 }),
    lexical: z
      .object({
        /** BM25 term-frequency saturation. Default 0.9 (Anserini's BEIR setting); usual range 0.5–2. */
        k1: z.number().min(0).max(10).default(0.9),
        /** BM25 length normalization. Default 0.4 (Anserini's BEIR setting); range 0–1. */
        b: z.number().min(0).max(1).default(0.4),
        /** Weight of title and heading terms relative to body terms; undefined uses the index default. */
        titleWeight: z.number().min(0).max(20).optional(),
        stemmer: z.enum(['porter', 'none']).default('porter'),
        /** `english` (Lucene's 33 words), `none`, or your own list. */
        stopWords: z.union([z.enum(['english', 'none']), z.array(z.string())]).default('english'),
      })
      .default({ k1: 0.9, b: 0.4, stemmer: 'porter', stopWords: 'english' }),
    retrieval: z
      .object({
        /** Passages returned by `search` and considered by `ask`. */
        k: z.number().int().min(1).max(1000).default(10),
      })
      .default({ k: 10 }),
    answer: z
      .object({
        /**
         * Evidence strength below which `ask` abstains, in [0, 1]. Undefined uses the calibrated default
         * (see docs/abstention.md).
         */
        minConfidence: z.number().min(0).max(1).optional(),
        /** Most sentences quoted in an extractive answer. */
        maxSentences: z.number().int().min(1).max(20).default(3),
        /** Top passages the extractive answerer reads. */
        passages: z.number().int().min(1).max(50).default(5),
      })
      .default({ maxSentences: 3, passages: 5 }),
    /**
     * The answer generator. `extractive` (default) needs no model. Environment variables `GROUNDED_LLM_PROVIDER`,
     * `GROUNDED_LLM_BASE_URL`, `GROUNDED_LLM_MODEL`, `GROUNDED_LLM_API_KEY` override the file; keep the key in the
     * environment rather than in a file you commit.
     */
    llm: z
      .object({
        provider: z.enum(['extractive', 'openai-compatible', 'anthropic']).default('extractive'),
        baseUrl: z.string().url().optional(),
        model: z.string().min(1).optional(),
        apiKey: z.string().min(1).optional(),
        /** Per attempt. */
        timeoutMs: z.number().int().positive().default(60_000),
        /** Retries on 429, 5xx and network errors, with backoff and jitter, honouring Retry-After. */
        maxRetries: z.number().int().min(0).max(10).default(2),
        maxOutputTokens: z.number().int().positive().default(800),
        /** Token budget of the sources in a `rag` prompt. */
        contextTokens: z.number().int().positive().default(6_000),
        /** The model's context window; default per provider (128k OpenAI-compatible, 200k Anthropic). */
        contextWindow: z.number().int().positive().optional(),
        /** Abstain without calling the model when retrieval evidence is below `answer.minConfidence`. */
        abstainBeforeGeneration: z.boolean().default(true),
        /** Remove sentences whose citations do not support them (and dangling markers) from the answer. */
        dropUnsupported: z.boolean().default(false),
        /** Check citation support with the model as an entailment judge (one short request per cited sentence). */
        judgeCitations: z.boolean().default(false),
        /** USD per million tokens, by model id, for cost accounting. */
        pricing: z
          .record(
            z.string(),
            z.object({
              inputPerMTok: z.number().min(0),
              outputPerMTok: z.number().min(0),
              cachedInputPerMTok: z.number().min(0).optional(),
              cacheWritePerMTok: z.number().min(0).optional(),
            }),
          )
          .default({}),
      })
      .default({
        provider: 'extractive',
        timeoutMs: 60_000,
        maxRetries: 2,
        maxOutputTokens: 800,
        contextTokens: 6_000,
        abstainBeforeGeneration: true,
        dropUnsupported: false,
        judgeCitations: false,
        pricing: {},
      }),
  })
  .strict();

/** A fully resolved configuration. */
export type GroundedConfig = z.infer<typeof configSchema>;
/** What a user may write: every field optional. */
export type GroundedConfigInput = z.input<typeof configSchema>;
