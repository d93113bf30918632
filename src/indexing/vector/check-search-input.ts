import { GroundedError } from '../../core/errors.js';

/**
 * Checks the arguments of `VectorIndex.search`: a Float32Array query of `dimensions` values and a non-negative
 * integer `k`. Throws `INVALID_ARGUMENT`, so every index rejects a bad query the same way.
 *
 * @example
 * checkSearchInput(queryVector, 10, 384); // passes
 */
export function checkSearchInput(query: Float32Array, k: number, dimensions: number): void {
  if (!(query instanceof Float32Array) || query.length !== dimensions) {
    throw new GroundedError('INVALID_ARGUMENT', `query vector has ${query?.length} dimensions, the index ${dimensions}`, {
      details: { expected: dimensions, actual: query?.length },
      hint: 'embed the query with the model the index was built for',
    });
  }
  if (!(Number.isInteger(k) && k >= 0)) {
    throw new GroundedError('INVALID_ARGUMENT', `k must be a non-negative integer, got ${k}`, { details: { k } });
  }
}
