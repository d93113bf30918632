import { GroundedError } from '../../core/errors.js';

/**
 * Checks the arguments of `VectorIndex.add` before anything changes, so a bad batch leaves the index as it was:
 * as many vectors as rows, rows that are non-negative safe integers (ANN libraries key on unsigned integers),
 * vectors of `dimensions` finite numbers. Throws `INTERNAL` when the counts differ or a row is not such an integer (the
 * rows are the caller's own ids), `INVALID_ARGUMENT` for a vector of the wrong size or with a non-finite value; the
 * error names the first offending position.
 *
 * @example
 * checkVectorBatch([7], [new Float32Array(384)], 384); // passes
 */
export function checkVectorBatch(rows: readonly number[], vectors: readonly Float32Array[], dimensions: number): void {
  if (rows.length !== vectors.length) {
    throw new GroundedError('INTERNAL', `got ${rows.length} rows but ${vectors.length} vectors`, {
      details: { rows: rows.length, vectors: vectors.length },
      hint: 'pass one vector per row',
    });
  }
  for (let position = 0; position < rows.length; position++) {
    const row = rows[position];
    if (!(Number.isSafeInteger(row) && (row as number) >= 0)) {
      throw new GroundedError('INTERNAL', `vector rows must be non-negative safe integers, got ${row}`, {
        details: { position, row },
        hint: 'pass the chunk rowid as row',
      });
    }
    const vector = vectors[position] as Float32Array;
    if (!(vector instanceof Float32Array) || vector.length !== dimensions) {
      throw new GroundedError('INVALID_ARGUMENT', `vector for row ${row} has ${vector?.length} dimensions, the index ${dimensions}`, {
        details: { position, row, expected: dimensions, actual: vector?.length },
        hint: 'embed with the model the index was built for, or rebuild the index',
      });
    }
    for (let index = 0; index < dimensions; index++) {
      if (!Number.isFinite(vector[index])) {
        throw new GroundedError('INVALID_ARGUMENT', `vector for row ${row} holds a non-finite value at ${index}`, {
          details: { position, row, index },
          hint: 'check the embedder output',
        });
      }
    }
  }
}
