import { z } from 'zod';

/** The offline (extractive) answerer: abstention threshold, sentences quoted and passages read. */
export const answerConfigSchema = z
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
  .default({ maxSentences: 3, passages: 5 });
