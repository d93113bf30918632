import { z } from 'zod';
import { answerConfigSchema } from './schema/answer-config-schema.js';
import { chunkingConfigSchema } from './schema/chunking-config-schema.js';
import { embedderConfigSchema } from './schema/embedder-config-schema.js';
import { ingestConfigSchema } from './schema/ingest-config-schema.js';
import { lexicalConfigSchema } from './schema/lexical-config-schema.js';
import { llmConfigSchema } from './schema/llm-config-schema.js';
import { rerankerConfigSchema } from './schema/reranker-config-schema.js';
import { retrievalConfigSchema } from './schema/retrieval-config-schema.js';

/**
 * The configuration file's schema (`grounded.config.json`). Every field has a default, so `{}` is a valid config.
 * Values are documented where they are used; defaults with a source say where they come from.
 */
export const configSchema = z
  .object({
    /** Data directory holding the store (`grounded.db`). CLI `--data-dir` and `GROUNDED_DATA_DIR` override it. */
    dataDir: z.string().default('.grounded'),
    ingest: ingestConfigSchema,
    chunking: chunkingConfigSchema,
    lexical: lexicalConfigSchema,
    retrieval: retrievalConfigSchema,
    embedder: embedderConfigSchema,
    reranker: rerankerConfigSchema,
    answer: answerConfigSchema,
    llm: llmConfigSchema,
  })
  .strict();

/** A fully resolved configuration. */
export type GroundedConfig = z.infer<typeof configSchema>;
/** What a user may write: every field optional. */
export type GroundedConfigInput = z.input<typeof configSchema>;
