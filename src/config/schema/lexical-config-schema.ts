import { z } from 'zod';

/** The lexical (BM25) index: its parameters, stemming and stop words. */
export const lexicalConfigSchema = z
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
  .default({ k1: 0.9, b: 0.4, stemmer: 'porter', stopWords: 'english' });
