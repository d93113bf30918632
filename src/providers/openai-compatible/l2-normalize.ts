/**
 * Scales a vector to unit length (L2 norm 1) as a new `Float32Array`, so a dot product of two results is their cosine
 * similarity. A zero vector stays zero rather than becoming NaN. The norm is summed in float64.
 *
 * @example
 * l2Normalize([3, 4]); // Float32Array [0.6, 0.8]
 */
export function l2Normalize(vector: ArrayLike<number>): Float32Array {
  let sum = 0;
  for (let index = 0; index < vector.length; index++) sum += (vector[index] ?? 0) ** 2;
  const result = new Float32Array(vector.length);
  if (sum === 0) return result;
  const scale = 1 / Math.sqrt(sum);
  for (let index = 0; index < vector.length; index++) result[index] = (vector[index] ?? 0) * scale;
  return result;
}
