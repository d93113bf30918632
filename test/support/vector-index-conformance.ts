import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isGroundedError } from '../../src/core/errors.js';
import type { VectorHit, VectorIndex } from '../../src/core/vector-index.js';

/** Makes an empty index of the given dimensions. */
export type VectorIndexFactory = (dimensions: number) => VectorIndex;

const unit = (...values: number[]): Float32Array => {
  const norm = Math.hypot(...values);
  return Float32Array.from(values, (value) => value / norm);
};

const dot = (left: Float32Array, right: Float32Array): number => left.reduce((sum, value, index) => sum + value * (right[index] ?? 0), 0);

/** Deterministic pseudo-random unit vectors (mulberry32), enough for behaviour cases; recall tests use clusters. */
function randomUnitVectors(count: number, dimensions: number, seed: number): Float32Array[] {
  let state = seed >>> 0;
  const random = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296 - 0.5;
  };
  return Array.from({ length: count }, () => unit(...Array.from({ length: dimensions }, random)));
}

const rowsOf = (hits: readonly VectorHit[]): number[] => hits.map((hit) => hit.row);

// A vector or query the caller chose badly is INVALID_ARGUMENT; rows that are not ids, or counts that disagree, break the
// caller's own invariant: INTERNAL.
const invalidArgument = (error: unknown): boolean => isGroundedError(error, 'INVALID_ARGUMENT');
const brokenInvariant = (error: unknown): boolean => isGroundedError(error, 'INTERNAL');

// Four directions in 3-D whose similarities to `query` are clearly apart: 1 > 0.8 > 0.6 > -0.6.
const query = unit(1, 0, 0);
const vectors = { best: unit(1, 0, 0), second: unit(0.8, 0.6, 0), third: unit(0.6, 0, 0.8), last: unit(-0.6, 0.8, 0) };

/**
 * Registers the behaviour every {@link VectorIndex} must show, as `describe`/`it` cases run against `create`: empty
 * index, ranking, `k` beyond size, replace on re-add, remove/has/size/rows, filtering before ranking, input errors,
 * duplicate rows in one batch and removed rows never coming back. Approximate indexes must pass every case: the
 * sets are small enough that a sound ANN search is exact on them.
 *
 * @example
 * vectorIndexConformance('exact', (dimensions) => createExactVectorIndex({ dimensions }));
 */
export function vectorIndexConformance(name: string, create: VectorIndexFactory): void {
  describe(`${name}: VectorIndex conformance`, () => {
    const filled = (): VectorIndex => {
      const index = create(3);
      index.add([10, 20, 30, 40], [vectors.last, vectors.third, vectors.best, vectors.second]);
      return index;
    };

    it('starts empty: size 0, no rows, searches return nothing', () => {
      const index = create(3);
      assert.equal(index.dimensions, 3);
      assert.equal(index.size, 0);
      assert.equal(index.has(1), false);
      assert.deepEqual(index.rows(), []);
      assert.deepEqual(index.search(query, 5), []);
    });

    it('returns the most similar rows best first, scored by dot product', () => {
      const hits = filled().search(query, 2);
      assert.deepEqual(rowsOf(hits), [30, 40]);
      assert.ok(Math.abs((hits[0]?.score ?? 0) - 1) < 1e-5);
      assert.ok(Math.abs((hits[1]?.score ?? 0) - 0.8) < 1e-5);
    });

    it('returns every row, ranked, when k exceeds the size, and nothing for k = 0', () => {
      const index = filled();
      const hits = index.search(query, 50);
      assert.deepEqual(rowsOf(hits), [30, 40, 20, 10]);
      assert.ok(Math.abs((hits[3]?.score ?? 0) + 0.6) < 1e-5);
      assert.deepEqual(index.search(query, 0), []);
    });

    it('replaces a row added again, without growing', () => {
      const index = filled();
      index.add([30], [vectors.last]);
      assert.equal(index.size, 4);
      assert.deepEqual(new Set(rowsOf(index.search(query, 4))), new Set([10, 20, 30, 40]));
      assert.deepEqual(rowsOf(index.search(query, 2)), [40, 20]);
      assert.ok(Math.abs((index.search(vectors.last, 1)[0]?.score ?? 0) - 1) < 1e-5);
    });

    it('removes rows (absent ones ignored) and keeps size, has and rows right; a removed row can come back', () => {
      const index = filled();
      index.remove([30, 99, 30]);
      assert.equal(index.size, 3);
      assert.equal(index.has(30), false);
      assert.equal(index.has(40), true);
      assert.deepEqual(index.rows().sort((left, right) => left - right), [10, 20, 40]);
      assert.deepEqual(rowsOf(index.search(query, 10)), [40, 20, 10]);
      index.remove([10, 20, 40]);
      assert.equal(index.size, 0);
      assert.deepEqual(index.search(query, 10), []);
      index.add([30], [vectors.best]);
      assert.deepEqual(rowsOf(index.search(query, 10)), [30]);
    });

    it('filters before ranking: the best k accepted rows, not the top k then filtered', () => {
      const index = filled();
      const rejected = new Set([30, 40]);
      assert.deepEqual(rowsOf(index.search(query, 2, { accept: (row) => !rejected.has(row) })), [20, 10]);
      assert.deepEqual(index.search(query, 2, { accept: () => false }), []);
      const many = create(8);
      const data = randomUnitVectors(300, 8, 11);
      many.add(data.map((_, row) => row), data);
      const probe = data[0] as Float32Array;
      const accept = (row: number): boolean => row % 7 === 3;
      const expected = data
        .map((vector, row) => ({ row, score: dot(probe, vector) }))
        .filter((hit) => accept(hit.row))
        .sort((left, right) => right.score - left.score)
        .slice(0, 5);
      assert.deepEqual(rowsOf(many.search(probe, 5, { accept })), rowsOf(expected));
    });

    it('adds each row once when a batch repeats it; the last vector wins', () => {
      const index = create(3);
      index.add([5, 6, 5], [vectors.last, vectors.third, vectors.best]);
      assert.equal(index.size, 2);
      assert.deepEqual(rowsOf(index.search(query, 5)), [5, 6]);
      assert.ok(Math.abs((index.search(query, 1)[0]?.score ?? 0) - 1) < 1e-5);
    });

    it('rejects vectors and queries of the wrong length, bad rows and non-finite values, changing nothing', () => {
      const index = filled();
      assert.throws(() => index.add([50, 51], [vectors.best, new Float32Array(4)]), invalidArgument);
      assert.throws(() => index.add([50], [vectors.best, vectors.second]), brokenInvariant);
      assert.throws(() => index.add([-1], [vectors.best]), brokenInvariant);
      assert.throws(() => index.add([1.5], [vectors.best]), brokenInvariant);
      assert.throws(() => index.add([50], [new Float32Array([Number.NaN, 0, 0])]), invalidArgument);
      assert.throws(() => index.search(new Float32Array(2), 3), invalidArgument);
      assert.throws(() => index.search(query, -1), invalidArgument);
      assert.equal(index.size, 4);
      assert.equal(index.has(50), false);
      assert.deepEqual(rowsOf(index.search(query, 4)), [30, 40, 20, 10]);
    });

    it('never returns removed rows, and returns min(k, size) rows after many removals', () => {
      const index = create(16);
      const data = randomUnitVectors(400, 16, 5);
      index.add(data.map((_, row) => row), data);
      const removed = data.map((_, row) => row).filter((row) => row % 2 === 0 || row % 5 === 0);
      index.remove(removed);
      const gone = new Set(removed);
      assert.equal(index.size, 400 - removed.length);
      for (const probe of data.slice(0, 40)) {
        const hits = index.search(probe, 30);
        assert.equal(hits.length, 30);
        assert.ok(hits.every((hit) => !gone.has(hit.row)));
        assert.ok(hits.every((hit, rank) => rank === 0 || (hits[rank - 1]?.score ?? 0) >= hit.score));
      }
      assert.equal(index.search(data[1] as Float32Array, 1000).length, index.size);
    });
  });
}
