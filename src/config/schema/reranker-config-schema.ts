import { z } from 'zod';

/**
 * The `hybrid-rerank` preset's cross-encoder: `api` (the `/rerank` endpoint of TEI, Jina, Cohere, vLLM) or `onnx`
 * (a local cross-encoder folder). Environment: `GROUNDED_RERANKER_PROVIDER`, `_BASE_URL`, `_MODEL`, `_API_KEY`, `_PATH`.
 */
export const rerankerConfigSchema = z
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
  .default({ provider: 'none', passagesField: 'documents', depth: 50, timeoutMs: 60_000, maxRetries: 2 });
