import { GroundedError } from '../../core/errors.js';
import type { TokenCounter } from '../../core/token-counter.js';

/** How {@link chunkDocument} cuts a document. */
export interface ChunkOptions {
  /** Hard upper bound on a chunk's tokens as measured by `counter`. Default 384. */
  readonly maxTokens: number;
  /** Tokens of trailing sentences repeated at the start of the next chunk of the same section. Default 48. */
  readonly overlapTokens: number;
  /** Measures every piece and every chunk. */
  readonly counter: TokenCounter;
}

/** Options as callers give them: only the counter is required. */
export type ChunkOptionsInput = Partial<Omit<ChunkOptions, 'counter'>> & Pick<ChunkOptions, 'counter'>;

/** Defaults for everything but the counter: 384-token chunks with up to 48 tokens of overlap. */
export const defaultChunkOptions = { maxTokens: 384, overlapTokens: 48 } as const;

/**
 * The smallest accepted budget: below it a single emoji or CJK character (1-3 BPE tokens) could not be
 * placed without breaking the budget.
 */
const minimumMaxTokens = 8;

/**
 * Fills defaults into partial chunk options and checks them. A missing `overlapTokens` is
 * `min(48, floor(maxTokens / 8))`.
 * Throws `INVALID_CONFIG` when `maxTokens` is not an integer >= 8 or `overlapTokens` is not an integer
 * between 0 and half of `maxTokens`.
 *
 * @example
 * const options = resolveChunkOptions({ counter: createApproximateTokenCounter() });
 * // { maxTokens: 384, overlapTokens: 48, counter }
 */
export function resolveChunkOptions(options: ChunkOptionsInput): ChunkOptions {
  const maxTokens = options.maxTokens ?? defaultChunkOptions.maxTokens;
  // A small maxTokens without an overlap keeps the default's 1/8 ratio instead of failing the check below.
  const overlapTokens =
    options.overlapTokens ?? Math.min(defaultChunkOptions.overlapTokens, Math.floor(maxTokens / 8));
  if (!Number.isInteger(maxTokens) || maxTokens < minimumMaxTokens) {
    throw new GroundedError('INVALID_CONFIG', `chunk maxTokens must be an integer >= ${minimumMaxTokens}, got ${maxTokens}`, {
      details: { maxTokens },
      hint: `set chunking maxTokens to a whole number such as ${defaultChunkOptions.maxTokens}`,
    });
  }
  if (!Number.isInteger(overlapTokens) || overlapTokens < 0 || overlapTokens > maxTokens / 2) {
    throw new GroundedError(
      'INVALID_CONFIG',
      `chunk overlapTokens must be an integer from 0 to maxTokens/2 (${Math.floor(maxTokens / 2)}), got ${overlapTokens}`,
      { details: { maxTokens, overlapTokens }, hint: 'lower chunking overlapTokens, e.g. to maxTokens / 8' },
    );
  }
  return { maxTokens, overlapTokens, counter: options.counter };
}
