import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isGroundedError } from '../../core/errors.js';
import { vectorIndexConformance } from '../../../test/support/vector-index-conformance.js';
import { createExactVectorIndex } from './create-exact-vector-index.js';

vectorIndexConformance('exact', (dimensions) => createExactVectorIndex({ dimensions, initialCapacity: 2 }));

/** The naive reference: a Map of rows to vectors, scored one by one and fully sorted. */
function bruteForce(vectors: ReadonlyMap<number, Float32Array>, query: Float32Array, k: number, accept: (row: number) => boolean) {
  const hits: { row: number; score: number }[] = [];
  for (const [row, vector] of vectors) {
    if (!accept(row)) continue;
    let score = 0;
    for (let index = 0; index < query.length; index++) score += (query[index] ?? 0) * (vector[index] ?? 0);
    hits.push({ row, score });
  }
  return hits.sort((left, right) => right.score - left.score).slice(0, k);
}

const vectorArbitrary = (dimensions: number) =>
  fc.array(fc.float({ min: -1, max: 1, noNaN: true, noDefaultInfinity: true }), { minLength: dimensions, maxLength: dimensions });

describe('createExactVectorIndex', () => {
  it('agrees with a brute-force scan after any sequence of adds, replaces and removes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 13 }).chain((dimensions) =>
          fc.record({
            dimensions: fc.constant(dimensions),
            operations: fc.array(
              fc.oneof(
                fc.record({ add: fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), vectorArbitrary(dimensions)), { maxLength: 12 }) }),
                fc.record({ remove: fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 8 }) }),
              ),
              { maxLength: 12 },
            ),
            query: vectorArbitrary(dimensions),
            k: fc.integer({ min: 0, max: 50 }),
            modulus: fc.integer({ min: 1, max: 4 }),
          }),
        ),
        ({ dimensions, operations, query, k, modulus }) => {
          const index = createExactVectorIndex({ dimensions, initialCapacity: 1 });
          const reference = new Map<number, Float32Array>();
          for (const operation of operations) {
            if ('add' in operation) {
              const vectors = operation.add.map(([, values]) => Float32Array.from(values));
              index.add(
                operation.add.map(([row]) => row),
                vectors,
              );
              operation.add.forEach(([row], position) => reference.set(row, vectors[position] as Float32Array));
            } else {
              index.remove(operation.remove);
              for (const row of operation.remove) reference.delete(row);
            }
          }
          assert.equal(index.size, reference.size);
          assert.deepEqual(index.rows().sort((left, right) => left - right), [...reference.keys()].sort((left, right) => left - right));
          const queryVector = Float32Array.from(query);
          const accept = (row: number): boolean => row % modulus === 0;
          const actual = index.search(queryVector, k, modulus === 1 ? {} : { accept });
          const expected = bruteForce(reference, queryVector, k, accept);
          assert.equal(actual.length, expected.length);
          // Rows may swap places only where scores tie (within float32 rounding).
          actual.forEach((hit, rank) => {
            const wanted = expected[rank];
            assert.ok(wanted !== undefined && Math.abs(hit.score - wanted.score) < 1e-5, `rank ${rank}: ${hit.score} vs ${wanted?.score}`);
            assert.ok(accept(hit.row) && reference.has(hit.row));
          });
          assert.equal(new Set(actual.map((hit) => hit.row)).size, actual.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('returns the brute-force rows exactly on 2,000 x 384 random unit vectors', () => {
    const dimensions = 384;
    let state = 42;
    const random = (): number => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296) - 0.5;
    const unit = (): Float32Array => {
      const vector = Float32Array.from({ length: dimensions }, random);
      const norm = Math.hypot(...vector);
      return vector.map((value) => value / norm);
    };
    const reference = new Map<number, Float32Array>();
    for (let row = 0; row < 2000; row++) reference.set(row * 3 + 1, unit());
    const index = createExactVectorIndex({ dimensions });
    index.add([...reference.keys()], [...reference.values()]);
    for (let probe = 0; probe < 20; probe++) {
      const query = unit();
      const expected = bruteForce(reference, query, 10, () => true);
      assert.deepEqual(
        index.search(query, 10).map((hit) => hit.row),
        expected.map((hit) => hit.row),
      );
    }
  });

  it('rejects dimensions that are not positive integers', () => {
    for (const dimensions of [0, -3, 2.5, Number.NaN]) {
      assert.throws(() => createExactVectorIndex({ dimensions }), (error) => isGroundedError(error, 'INVALID_ARGUMENT'));
    }
  });
});
