import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { randomizedSvd, type SparseMatrix } from './randomized-svd.js';

function sparse(dense: readonly (readonly number[])[]): SparseMatrix {
  const offsets = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const row of dense) {
    row.forEach((value, column) => {
      if (value !== 0) {
        indices.push(column);
        values.push(value);
      }
    });
    offsets.push(indices.length);
  }
  return {
    rows: dense.length,
    columns: dense[0]?.length ?? 0,
    offsets: Int32Array.from(offsets),
    indices: Int32Array.from(indices),
    values: Float64Array.from(values),
  };
}

const r2 = Math.SQRT1_2;
// A = U·diag(5, 3, 1)·Vᵀ with U the first three columns of the 4×4 Hadamard matrix / 2, V a rotation.
const u = [
  [0.5, 0.5, 0.5],
  [0.5, -0.5, 0.5],
  [0.5, 0.5, -0.5],
  [0.5, -0.5, -0.5],
];
const v = [
  [r2, r2, 0],
  [r2, -r2, 0],
  [0, 0, 1],
];
const sigma = [5, 3, 1];
const known = u.map((uRow) => v.map((vRow) => uRow.reduce((sum, value, k) => sum + value * (sigma[k] ?? 0) * (vRow[k] ?? 0), 0)));

const close = (actual: number, expected: number, message: string): void =>
  assert.ok(Math.abs(actual - expected) < 1e-9, `${message}: ${actual} vs ${expected}`);

describe('randomizedSvd', () => {
  it('recovers a known decomposition (singular values, and vectors up to sign)', () => {
    const svd = randomizedSvd(sparse(known), 2);
    assert.equal(svd.rank, 2);
    close(svd.singularValues[0] ?? 0, 5, 'σ1');
    close(svd.singularValues[1] ?? 0, 3, 'σ2');
    for (let component = 0; component < 2; component++) {
      const sign = Math.sign(svd.rightVectors[component] ?? 0) * Math.sign(v[0]?.[component] ?? 0);
      for (let row = 0; row < 3; row++) close((svd.rightVectors[row * 2 + component] ?? 0) * sign, v[row]?.[component] ?? 0, `V[${row},${component}]`);
      for (let row = 0; row < 4; row++) close((svd.leftVectors[row * 2 + component] ?? 0) * sign, u[row]?.[component] ?? 0, `U[${row},${component}]`);
    }
  });

  it('reconstructs the matrix at full rank and lowers a rank above min(rows, columns)', () => {
    const svd = randomizedSvd(sparse(known), 10);
    assert.equal(svd.rank, 3);
    for (let row = 0; row < 4; row++) {
      for (let column = 0; column < 3; column++) {
        let value = 0;
        for (let k = 0; k < 3; k++) value += (svd.leftVectors[row * 3 + k] ?? 0) * (svd.singularValues[k] ?? 0) * (svd.rightVectors[column * 3 + k] ?? 0);
        close(value, known[row]?.[column] ?? 0, `A[${row},${column}]`);
      }
    }
  });

  it('satisfies A·v = σ·u with orthonormal V on a sparse random matrix; the default approximation is close', () => {
    let state = 7;
    const random = (): number => ((state = (state * 48271) % 2147483647) / 2147483647);
    const dense = Array.from({ length: 40 }, () => Array.from({ length: 25 }, () => (random() < 0.2 ? random() : 0)));
    const matrix = sparse(dense);
    // Oversampled to every column, the range finder is exact: this is the reference.
    const svd = randomizedSvd(matrix, 5, { oversample: 20 });
    const approximate = randomizedSvd(matrix, 5);
    assert.deepEqual(randomizedSvd(matrix, 5).singularValues, approximate.singularValues);
    for (let k = 0; k < 5; k++) {
      const exact = svd.singularValues[k] ?? 0;
      assert.ok(Math.abs((approximate.singularValues[k] ?? 0) - exact) < 0.01 * exact, `σ${k + 1}`);
    }
    for (let k = 1; k < 5; k++) assert.ok((svd.singularValues[k - 1] ?? 0) >= (svd.singularValues[k] ?? 0));
    for (let left = 0; left < 5; left++) {
      for (let right = 0; right < 5; right++) {
        let dot = 0;
        for (let row = 0; row < 25; row++) dot += (svd.rightVectors[row * 5 + left] ?? 0) * (svd.rightVectors[row * 5 + right] ?? 0);
        assert.ok(Math.abs(dot - (left === right ? 1 : 0)) < 1e-6, `VᵀV[${left},${right}] = ${dot}`);
      }
      // The leading triplets of a small matrix converge fully: A·v_k = σ_k·u_k.
      for (let row = 0; row < 40; row++) {
        let value = 0;
        for (let column = 0; column < 25; column++) value += (dense[row]?.[column] ?? 0) * (svd.rightVectors[column * 5 + left] ?? 0);
        assert.ok(Math.abs(value - (svd.singularValues[left] ?? 0) * (svd.leftVectors[row * 5 + left] ?? 0)) < 1e-6);
      }
    }
  });

  it('returns zero vectors, not NaN, for a rank-deficient matrix', () => {
    const svd = randomizedSvd(sparse([[1, 0], [2, 0], [0, 0]]), 2);
    close(svd.singularValues[0] ?? 0, Math.sqrt(5), 'σ1');
    close(svd.singularValues[1] ?? 0, 0, 'σ2');
    assert.ok([...svd.rightVectors].every(Number.isFinite));
  });
});
