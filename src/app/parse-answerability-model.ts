import { z } from 'zod';
import { answerabilityFeatureNames } from '../core/answerability-features.js';
import type { AnswerabilityModel } from '../core/answerability-model.js';
import { GroundedError } from '../core/errors.js';

const schema = z.object({
  version: z.literal(1),
  intercept: z.number().finite(),
  weights: z.partialRecord(z.enum(answerabilityFeatureNames), z.number().finite()),
  threshold: z.number().min(0).max(1),
  modelThreshold: z.number().min(0).max(1),
  source: z.string(),
});

/**
 * Reads a stored answerability model (JSON written by `grounded tune answerability`), refusing anything that is not
 * one with `STORE_CORRUPT` and a way out.
 *
 * @example
 * const model = parseAnswerabilityModel((await store.open('docs').tunedModels.get('answerability'))!.payload);
 */
export function parseAnswerabilityModel(payload: string): AnswerabilityModel {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch (error) {
    throw damaged('not JSON', error);
  }
  const result = schema.safeParse(parsed);
  if (!result.success) throw damaged(result.error.issues[0]?.message ?? 'unexpected shape');
  return result.data as AnswerabilityModel;
}

function damaged(reason: string, cause?: unknown): GroundedError {
  return new GroundedError('STORE_CORRUPT', `the stored answerability model is damaged (${reason})`, {
    hint: 'run grounded tune answerability again, or grounded tune answerability --reset to use the shipped model',
    ...(cause === undefined ? {} : { cause }),
  });
}
