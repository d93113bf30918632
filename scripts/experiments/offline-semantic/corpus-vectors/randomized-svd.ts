/** A sparse matrix in compressed-sparse-row form: row `i`'s entries are `offsets[i]..offsets[i + 1]`. */
export interface SparseMatrix {
  readonly rows: number;
  readonly columns: number;
  readonly offsets: Int32Array;
  /** Column of each entry. */
  readonly indices: Int32Array;
  readonly values: Float64Array;
}

/** Settings of {@link randomizedSvd} (Halko, Martinsson & Tropp 2011, "Finding structure with randomness"). */
export interface RandomizedSvdOptions {
  /** Extra random directions beyond `rank`. Default 10; Halko et al. suggest 5–10. */
  readonly oversample?: number;
  /**
   * Power (subspace) iterations; each sharpens the captured spectrum at the cost of two passes over the matrix.
   * Default 4 (scikit-learn's `randomized_svd` uses 4, or 7 for very small ranks); sensible range 2–7.
   */
  readonly powerIterations?: number;
  /** Seed of the Gaussian test matrix: equal seeds give equal results. Default 1. */
  readonly seed?: number;
}

/** The `rank` leading singular triplets, largest first: `A ≈ U · diag(singularValues) · Vᵀ`. */
export interface TruncatedSvd {
  readonly rank: number;
  readonly singularValues: Float64Array;
  /** U: `rows × rank`, row-major. */
  readonly leftVectors: Float64Array;
  /** V: `columns × rank`, row-major (row `j` is column `j`'s coordinates). */
  readonly rightVectors: Float64Array;
}

/** mulberry32 with Box–Muller: a small seeded Gaussian source (the test matrix needs no better randomness). */
function gaussianSource(seed: number): () => number {
  let state = seed >>> 0;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return (((mixed ^ (mixed >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** A · Z, with Z `columns × width` row-major; the result is `rows × width` row-major. */
function multiply(matrix: SparseMatrix, dense: Float64Array, width: number): Float64Array {
  const out = new Float64Array(matrix.rows * width);
  for (let row = 0; row < matrix.rows; row++) {
    const target = row * width;
    for (let entry = matrix.offsets[row] ?? 0; entry < (matrix.offsets[row + 1] ?? 0); entry++) {
      const value = matrix.values[entry] ?? 0;
      const source = (matrix.indices[entry] ?? 0) * width;
      for (let column = 0; column < width; column++) out[target + column] = (out[target + column] ?? 0) + value * (dense[source + column] ?? 0);
    }
  }
  return out;
}

/** Aᵀ · Q, with Q `rows × width` row-major; the result is `columns × width` row-major. */
function multiplyTransposed(matrix: SparseMatrix, dense: Float64Array, width: number): Float64Array {
  const out = new Float64Array(matrix.columns * width);
  for (let row = 0; row < matrix.rows; row++) {
    const source = row * width;
    for (let entry = matrix.offsets[row] ?? 0; entry < (matrix.offsets[row + 1] ?? 0); entry++) {
      const value = matrix.values[entry] ?? 0;
      const target = (matrix.indices[entry] ?? 0) * width;
      for (let column = 0; column < width; column++) out[target + column] = (out[target + column] ?? 0) + value * (dense[source + column] ?? 0);
    }
  }
  return out;
}

/**
 * Orthonormal columns spanning those of a `height × width` row-major matrix: modified Gram–Schmidt, run twice
 * ("twice is enough", Giraud et al. 2005). Columns that are (numerically) dependent become zero.
 */
function orthonormalize(matrix: Float64Array, height: number, width: number): Float64Array {
  // Column-major copy: Gram–Schmidt walks columns.
  const columns = new Float64Array(height * width);
  for (let row = 0; row < height; row++) for (let column = 0; column < width; column++) columns[column * height + row] = matrix[row * width + column] ?? 0;
  for (let column = 0; column < width; column++) {
    const start = column * height;
    let original = 0;
    for (let row = 0; row < height; row++) original += (columns[start + row] ?? 0) ** 2;
    for (let pass = 0; pass < 2; pass++) {
      for (let previous = 0; previous < column; previous++) {
        const other = previous * height;
        let dot = 0;
        for (let row = 0; row < height; row++) dot += (columns[start + row] ?? 0) * (columns[other + row] ?? 0);
        for (let row = 0; row < height; row++) columns[start + row] = (columns[start + row] ?? 0) - dot * (columns[other + row] ?? 0);
      }
    }
    let norm = 0;
    for (let row = 0; row < height; row++) norm += (columns[start + row] ?? 0) ** 2;
    const scale = norm > 1e-20 * Math.max(original, 1e-300) && norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let row = 0; row < height; row++) columns[start + row] = (columns[start + row] ?? 0) * scale;
  }
  const out = new Float64Array(height * width);
  for (let row = 0; row < height; row++) for (let column = 0; column < width; column++) out[row * width + column] = columns[column * height + row] ?? 0;
  return out;
}

/**
 * Eigen-decomposition of a symmetric `size × size` matrix by cyclic Jacobi rotations (exact to rounding for the
 * small projected matrices here). Returns eigenvalues and eigenvectors (columns of a row-major matrix), unsorted.
 */
function symmetricEigen(input: Float64Array, size: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(input);
  const vectors = new Float64Array(size * size);
  for (let index = 0; index < size; index++) vectors[index * size + index] = 1;
  const at = (row: number, column: number): number => a[row * size + column] ?? 0;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let scale = 0;
    for (let row = 0; row < size; row++) {
      scale += at(row, row) ** 2;
      for (let column = row + 1; column < size; column++) off += at(row, column) ** 2;
    }
    if (off <= 1e-30 * Math.max(scale, 1e-300)) break;
    for (let p = 0; p < size - 1; p++) {
      for (let q = p + 1; q < size; q++) {
        const apq = at(p, q);
        if (apq === 0) continue;
        const theta = (at(q, q) - at(p, p)) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < size; k++) {
          const akp = at(k, p);
          const akq = at(k, q);
          a[k * size + p] = c * akp - s * akq;
          a[k * size + q] = s * akp + c * akq;
        }
        for (let k = 0; k < size; k++) {
          const apk = at(p, k);
          const aqk = at(q, k);
          a[p * size + k] = c * apk - s * aqk;
          a[q * size + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < size; k++) {
          const vkp = vectors[k * size + p] ?? 0;
          const vkq = vectors[k * size + q] ?? 0;
          vectors[k * size + p] = c * vkp - s * vkq;
          vectors[k * size + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(size);
  for (let index = 0; index < size; index++) values[index] = at(index, index);
  return { values, vectors };
}

/**
 * Truncated SVD of a sparse matrix by randomized range finding with power iterations (Halko et al. 2011,
 * algorithms 4.4 and 5.1): Q spans `A·Ω`, refined by `powerIterations` passes of `A·Aᵀ`; the small `B = Qᵀ·A` is
 * decomposed exactly through the eigen-decomposition of `B·Bᵀ`. Deterministic for a given seed. Time about
 * `(2·powerIterations + 2) · nnz · (rank + oversample)` plus `(rows + columns) · (rank + oversample)²`. Singular
 * vectors are unique only up to sign; a rank above `min(rows, columns)` is lowered to it.
 *
 * @example
 * const { singularValues, rightVectors } = randomizedSvd(tfidf, 256);
 */
export function randomizedSvd(matrix: SparseMatrix, rank: number, options: RandomizedSvdOptions = {}): TruncatedSvd {
  const limit = Math.min(matrix.rows, matrix.columns);
  const kept = Math.max(0, Math.min(Math.floor(rank), limit));
  const width = Math.min(kept + Math.max(0, Math.floor(options.oversample ?? 10)), limit);
  const next = gaussianSource(options.seed ?? 1);
  const omega = new Float64Array(matrix.columns * width);
  for (let index = 0; index < omega.length; index++) omega[index] = next();
  let basis = orthonormalize(multiply(matrix, omega, width), matrix.rows, width);
  for (let iteration = 0; iteration < (options.powerIterations ?? 4); iteration++) {
    const across = orthonormalize(multiplyTransposed(matrix, basis, width), matrix.columns, width);
    basis = orthonormalize(multiply(matrix, across, width), matrix.rows, width);
  }
  // Bᵀ = Aᵀ·Q (columns × width); B·Bᵀ = (Bᵀ)ᵀ·Bᵀ is width × width.
  const bTransposed = multiplyTransposed(matrix, basis, width);
  const gram = new Float64Array(width * width);
  for (let row = 0; row < matrix.columns; row++) {
    const offset = row * width;
    for (let left = 0; left < width; left++) {
      const value = bTransposed[offset + left] ?? 0;
      if (value === 0) continue;
      for (let right = left; right < width; right++) gram[left * width + right] = (gram[left * width + right] ?? 0) + value * (bTransposed[offset + right] ?? 0);
    }
  }
  for (let left = 0; left < width; left++) for (let right = 0; right < left; right++) gram[left * width + right] = gram[right * width + left] ?? 0;
  const { values, vectors } = symmetricEigen(gram, width);
  const order = [...values.keys()].sort((left, right) => (values[right] ?? 0) - (values[left] ?? 0)).slice(0, kept);
  const singularValues = new Float64Array(kept);
  const leftVectors = new Float64Array(matrix.rows * kept);
  const rightVectors = new Float64Array(matrix.columns * kept);
  order.forEach((eigen, component) => {
    const sigma = Math.sqrt(Math.max(0, values[eigen] ?? 0));
    singularValues[component] = sigma;
    // U = Q·W; V = Bᵀ·W / σ.
    for (let row = 0; row < matrix.rows; row++) {
      let sum = 0;
      for (let inner = 0; inner < width; inner++) sum += (basis[row * width + inner] ?? 0) * (vectors[inner * width + eigen] ?? 0);
      leftVectors[row * kept + component] = sum;
    }
    if (sigma === 0) return;
    for (let row = 0; row < matrix.columns; row++) {
      let sum = 0;
      for (let inner = 0; inner < width; inner++) sum += (bTransposed[row * width + inner] ?? 0) * (vectors[inner * width + eigen] ?? 0);
      rightVectors[row * kept + component] = sum / sigma;
    }
  });
  return { rank: kept, singularValues, leftVectors, rightVectors };
}
