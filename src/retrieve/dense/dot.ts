/**
 * Dot product of two vectors of the same length (cosine similarity for unit vectors, as embedders store them).
 *
 * @example
 * dot(Float32Array.of(1, 0), Float32Array.of(0.6, 0.8)); // 0.6
 */
export function dot(left: Float32Array, right: Float32Array): number {
  let sum = 0;
  for (let index = 0; index < left.length; index++) sum += (left[index] ?? 0) * (right[index] ?? 0);
  return sum;
}
