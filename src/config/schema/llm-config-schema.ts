import { z } from 'zod';

/**
 * The answer generator. `extractive` (default) needs no model. Environment variables `GROUNDED_LLM_PROVIDER`,
 * `GROUNDED_LLM_BASE_URL`, `GROUNDED_LLM_MODEL`, `GROUNDED_LLM_API_KEY` override the file; keep the key in the
 * environment rather than in a file you commit.
 */
export const llmConfigSchema = z
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
  });
