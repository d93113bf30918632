import { z } from 'zod';

/** How documents are cut into chunks: the token budget and the overlap between chunks of one section. */
export const chunkingConfigSchema = z
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
  .default({ maxTokens: 384, overlapTokens: 48 });
