import { z } from 'zod';

/**
 * Dense retrieval's embedder. `none` (default): lexical retrieval only. Environment variables
 * `GROUNDED_EMBEDDER_PROVIDER`, `_BASE_URL`, `_MODEL`, `_API_KEY`, `_PATH` override the file.
 */
export const embedderConfigSchema = z
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
  .default({ provider: 'none', pooling: 'mean', batchSize: 64, concurrency: 2, timeoutMs: 60_000, maxRetries: 2 });
