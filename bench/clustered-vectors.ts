import { createRandom } from './create-random.js';
/** Settings of {@link clusteredVectors}. */
export interface ClusteredVectorsOptions {
  /** Number of data vectors. */
  readonly count: number;
  readonly dimensions: number;
  /** Number of Gaussian clusters; each vector belongs to one, picked uniformly at random. */
  readonly clusters: number;
  /** Number of query vectors drawn near the same clusters (fresh noise, never copies of data vectors). Default 0. */
  readonly queries?: number;
  /**
   * Expected length of the noise added to a unit centroid before normalizing: cosine to the centroid is about
   * `1 / sqrt(1 + spread²)`, between two members of a cluster about `1 / (1 + spread²)`. Default 0.5 (0.89 and 0.8).
   */
  readonly spread?: number;
  /** PRNG seed; the same seed and settings give the same vectors. Default 1. */
  readonly seed?: number;
}

/** Data and query vectors of {@link clusteredVectors}: unit-length rows of one flat buffer each. */
export interface ClusteredVectors {
  readonly vectors: Float32Array[];
  readonly queries: Float32Array[];
}

/** Standard normal draws by Box–Muller. */
function createGaussian(random: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function normalize(vector: Float32Array): Float32Array {
  let norm = 0;
  for (const value of vector) norm += value * value;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let index = 0; index < vector.length; index++) vector[index] = (vector[index] ?? 0) * scale;
  return vector;
}

function drawNear(centroids: readonly Float32Array[], count: number, sigma: number, random: () => number): Float32Array[] {
  const gaussian = createGaussian(random);
  const dimensions = centroids[0]?.length ?? 0;
  const flat = new Float32Array(count * dimensions);
  const vectors: Float32Array[] = [];
  for (let index = 0; index < count; index++) {
    const centroid = centroids[Math.floor(random() * centroids.length)] as Float32Array;
    const vector = flat.subarray(index * dimensions, (index + 1) * dimensions);
    for (let dimension = 0; dimension < dimensions; dimension++) vector[dimension] = (centroid[dimension] ?? 0) + sigma * gaussian();
    vectors.push(normalize(vector));
  }
  return vectors;
}

/**
 * Generates deterministic unit vectors in Gaussian clusters around random unit centroids, plus queries drawn near
 * the same clusters. ANN recall must be measured on data like this: on uniform random vectors every HNSW scores
 * badly, and real embeddings are clustered.
 *
 * @example
 * const { vectors, queries } = clusteredVectors({ count: 20_000, dimensions: 64, clusters: 200, queries: 200, seed: 7 });
 */
export function clusteredVectors(options: ClusteredVectorsOptions): ClusteredVectors {
  const { count, dimensions, clusters } = options;
  const random = createRandom(options.seed ?? 1);
  const gaussian = createGaussian(random);
  const centroids = Array.from({ length: Math.max(1, clusters) }, () => {
    const centroid = new Float32Array(dimensions);
    for (let dimension = 0; dimension < dimensions; dimension++) centroid[dimension] = gaussian();
    return normalize(centroid);
  });
  // Per-dimension deviation, so the noise vector's expected length is `spread`.
  const sigma = (options.spread ?? 0.5) / Math.sqrt(dimensions);
  const vectors = drawNear(centroids, count, sigma, random);
  const queries = drawNear(centroids, options.queries ?? 0, sigma, createRandom((options.seed ?? 1) ^ 0x9e3779b9));
  return { vectors, queries };
}
