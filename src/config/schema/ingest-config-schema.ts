import { z } from 'zod';

/** What `ingest` reads: include/exclude globs, size limits, batch size and the JSON Lines field mapping. */
export const ingestConfigSchema = z
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
  .default({ include: [], exclude: [], maxFileBytes: 16 * 1024 * 1024, maxJsonlFileBytes: 256 * 1024 * 1024, batchFiles: 64, jsonl: {} });
