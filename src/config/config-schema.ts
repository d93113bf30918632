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
         * Largest document: a Markdown, HTML or text file, or one JSON Lines record, counted after decompression for
         * `.gz` files. Bigger ones are reported and skipped: they are nearly always logs or data dumps.
         */
        maxFileBytes: z.number().int().positive().default(16 * 1024 * 1024),
        /**
         * Largest JSON Lines file (many documents), counted after decompression; decompression stops at it. Default
         * 256 MiB: a whole file is prepared in memory before it is written, so split bigger corpora into several files.
         */
        maxJsonlFileBytes: z.number().int().positive().default(256 * 1024 * 1024),
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
      .default({ include: [], exclude: [], maxFileBytes: 16 * 1024 * 1024, maxJsonlFileBytes: 256 * 1024 * 1024, batchFiles: 64, jsonl: {} }),
    chunking: z
      .object({
        /** Most tokens in a chunk (approximate GPT-style tokens). */
        maxTokens: z.number().int().min(16).max(8192).default(384),
        /**
         * Tokens of trailing sentences repeated at the start of the next chunk of the same section; at most maxTokens / 2.
         * Default 48, or maxTokens / 2 when that is smaller.
         */
        overlapTokens: z.number().int().min(0).max(1024).optional(),
      })
      .transform(({ maxTokens, overlapTokens }) => ({ maxTokens, overlapTokens: overlapTokens ?? Math.min(48, Math.floor(maxTokens / 2)) }))
      .refine((chunking) => chunking.overlapTokens <= chunking.maxTokens / 2, {
        message: 'overlapTokens must be at most half of maxTokens',
        path: ['overlapTokens'],
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
        /**
         * `lexical` (BM25), `hybrid` (BM25 and dense vectors, fused) or `hybrid-rerank` (hybrid, then a cross-encoder).
         * Undefined: `hybrid` when an embedder is configured, else `lexical` (see docs/retrieval.md for the measurements
         * behind this default). `ask`, `search` and `eval run` take `--preset` per query.
         */
        preset: z.enum(['lexical', 'hybrid', 'hybrid-rerank']).optional(),
        /** Candidates each retriever contributes before fusion. Default 100. */
        candidates: z.number().int().min(1).max(5000).default(100),
        /** `rrf` (reciprocal rank fusion, no tuning needed) or `weighted` (min-max normalized convex combination). */
        fusion: z.enum(['rrf', 'weighted']).default('rrf'),
        /** RRF rank constant; default 60 (Cormack et al. 2009); range 10–100. */
        rrfK: z.number().min(1).max(1000).default(60),
        /** Weight of the dense list in `weighted` fusion, in [0, 1]; the lexical list gets the rest. Default 0.5. */
        semanticWeight: z.number().min(0).max(1).default(0.5),
        /** Maximal marginal relevance trade-off in [0, 1] (1 = relevance only); undefined leaves MMR off. */
        mmrLambda: z.number().min(0).max(1).optional(),
        /**
         * Also search each part of a question that asks several things ("Which X ..., and what Y ...?", "X vs Y") with
         * its own terms in front, and interleave the parts' passages with the whole question's, so questions that need
         * two documents find both. Default true: synthesis recall@5 0.542 -> 0.583 (Traefik) and 0.462 -> 0.577 (NATS)
         * with answerable recall, nDCG and answer correctness unchanged or better; a question asking one thing costs a
         * scan of its text (docs/retrieval.md).
         */
        decompose: z.boolean().default(true),
        /**
         * At most this many passages of one document in the results before every other document had its turn
         * (per-document diversity; nothing is dropped, the rest follow). Default 0 (off): measured neutral to slightly
         * worse on the golden sets (docs/retrieval.md).
         */
        maxPerDocument: z.number().int().min(0).max(100).default(0),
        /**
         * Vector index: `exact` (brute force), `hnsw` (usearch, persisted next to the store) or `auto` (exact below
         * `exactBelow` vectors, where it costs a few milliseconds, HNSW above).
         */
        vectorIndex: z.enum(['auto', 'exact', 'hnsw']).default('auto'),
        exactBelow: z.number().int().min(0).default(20_000),
      })
      .default({ k: 10, candidates: 100, fusion: 'rrf', rrfK: 60, semanticWeight: 0.5, decompose: true, maxPerDocument: 0, vectorIndex: 'auto', exactBelow: 20_000 }),
    /**
     * Dense retrieval's embedder. `none` (default): lexical retrieval only. Environment variables
     * `GROUNDED_EMBEDDER_PROVIDER`, `_BASE_URL`, `_MODEL`, `_API_KEY`, `_PATH` override the file.
     */
    embedder: z
      .object({
        provider: z.enum(['none', 'openai-compatible', 'onnx']).default('none'),
        /** OpenAI-compatible servers: e.g. `http://127.0.0.1:11434/v1` (Ollama), `http://127.0.0.1:8080/v1` (TEI). */
        baseUrl: z.string().url().optional(),
        model: z.string().min(1).optional(),
        apiKey: z.string().min(1).optional(),
        /** `onnx`: folder with `model.onnx` (or `onnx/model.onnx`) and `tokenizer.json`. */
        path: z.string().min(1).optional(),
        /** `onnx`: `mean` (sentence-transformers default) or `cls` (BGE). */
        pooling: z.enum(['mean', 'cls']).default('mean'),
        /** Prepended to queries / passages (E5: `query: ` and `passage: `; BGE: a query instruction). */
        queryPrefix: z.string().optional(),
        documentPrefix: z.string().optional(),
        /** Requested vector length (OpenAI text-embedding-3 models can shorten theirs). */
        dimensions: z.number().int().positive().optional(),
        /** Texts per request. Default 64. */
        batchSize: z.number().int().min(1).max(2048).default(64),
        /** Requests in flight while ingesting. Default 2. */
        concurrency: z.number().int().min(1).max(32).default(2),
        timeoutMs: z.number().int().positive().default(60_000),
        maxRetries: z.number().int().min(0).max(10).default(2),
      })
      .default({ provider: 'none', pooling: 'mean', batchSize: 64, concurrency: 2, timeoutMs: 60_000, maxRetries: 2 }),
    /**
     * The `hybrid-rerank` preset's cross-encoder: `api` (the `/rerank` endpoint of TEI, Jina, Cohere, vLLM) or `onnx`
     * (a local cross-encoder folder). Environment: `GROUNDED_RERANKER_PROVIDER`, `_BASE_URL`, `_MODEL`, `_API_KEY`, `_PATH`.
     */
    reranker: z
      .object({
        provider: z.enum(['none', 'api', 'onnx']).default('none'),
        baseUrl: z.string().url().optional(),
        model: z.string().min(1).optional(),
        apiKey: z.string().min(1).optional(),
        path: z.string().min(1).optional(),
        /** `api`: the passages field, `documents` (Cohere, Jina, vLLM, llama.cpp) or `texts` (Hugging Face TEI). */
        passagesField: z.enum(['documents', 'texts']).default('documents'),
        /** Fused candidates rescored. Default 50; cost grows linearly with it. */
        depth: z.number().int().min(1).max(1000).default(50),
        /** Drop reranked passages scoring below this (on the model's own scale); undefined keeps all. */
        minScore: z.number().optional(),
        timeoutMs: z.number().int().positive().default(60_000),
        maxRetries: z.number().int().min(0).max(10).default(2),
      })
      .default({ provider: 'none', passagesField: 'documents', depth: 50, timeoutMs: 60_000, maxRetries: 2 }),
    answer: z
      .object({
        /**
         * Answerability (predicted probability that the knowledge base answers, in [0, 1]) below which the offline
         * answerer abstains. Undefined uses the threshold of the knowledge base's calibrated model, else the shipped
         * one (see docs/abstention.md).
         */
        minAnswerability: z.number().min(0).max(1).optional(),
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
        /**
         * Abstain without calling the model when answerability is below `llm.minAnswerability` (a second, lower
         * threshold than the offline one: with a model, the model decides).
         */
        abstainBeforeGeneration: z.boolean().default(true),
        /** Answerability below which a configured model is not called. Undefined: the calibrated model's `modelThreshold`. */
        minAnswerability: z.number().min(0).max(1).optional(),
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
