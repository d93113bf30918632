import { answerabilityFeatureNames } from '../core/answerability-features.js';
import type { AnswerabilityModel } from '../core/answerability-model.js';
import { GroundedError } from '../core/errors.js';

// Checked by hand, not with zod: this module is on every `ask`'s path, and zod costs a tenth of a second to import.
const featureNames: ReadonlySet<string> = new Set(answerabilityFeatureNames);
const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isProbability = (value: unknown): boolean => isFiniteNumber(value) && value >= 0 && value <= 1;
const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Why `value` is not a stored answerability model, or undefined when it is one. */
function shapeProblem(value: unknown): string | undefined {
  if (!isPlainObject(value)) return 'not an object';
  if (value.version !== 1) return 'unknown version';
  if (!isFiniteNumber(value.intercept)) return 'intercept is not a finite number';
  if (!isPlainObject(value.weights)) return 'weights are not an object';
  for (const [name, weight] of Object.entries(value.weights)) {
    if (!featureNames.has(name)) return `unknown feature '${name}'`;
    if (!isFiniteNumber(weight)) return `weight of '${name}' is not a finite number`;
  }
  if (!isProbability(value.threshold)) return 'threshold is not between 0 and 1';
  if (!isProbability(value.modelThreshold)) return 'modelThreshold is not between 0 and 1';
  return typeof value.source === 'string' ? undefined : 'source is not a string';
}

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
  const problem = shapeProblem(parsed);
  if (problem !== undefined) throw damaged(problem);
  // Only the model's own fields: anything else in the payload is left behind.
  const { version, intercept, weights, threshold, modelThreshold, source } = parsed as AnswerabilityModel;
  return { version, intercept, weights: { ...weights }, threshold, modelThreshold, source };
}

function damaged(reason: string, cause?: unknown): GroundedError {
  return new GroundedError('STORE_CORRUPT', `the stored answerability model is damaged (${reason})`, {
    hint: 'run grounded tune answerability again, or grounded tune answerability --reset to use the shipped model',
    ...(cause === undefined ? {} : { cause }),
  });
}
