import { GroundedError } from '../../core/errors.js';

/**
 * Returns `dimensions` when it is a positive integer, else throws `INVALID_ARGUMENT`. Shared by every vector index
 * factory so they reject the same bad settings the same way.
 *
 * @example
 * const dimensions = checkDimensions(options.dimensions); // 384
 */
export function checkDimensions(dimensions: number): number {
  if (!(Number.isInteger(dimensions) && dimensions > 0)) {
    throw new GroundedError('INVALID_ARGUMENT', `vector dimensions must be a positive integer, got ${dimensions}`, {
      details: { dimensions },
      hint: "pass the embedder's dimensions",
    });
  }
  return dimensions;
}
