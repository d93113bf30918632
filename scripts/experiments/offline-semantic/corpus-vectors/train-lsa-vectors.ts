import type { CorpusVectors } from './corpus-vectors.js';
import { randomizedSvd, type SparseMatrix } from './randomized-svd.js';

/** Settings of {@link trainLsaVectors}. */
export interface LsaOptions {
  /**
   * Latent dimensions kept. Default 256; sensible range 100–400 (Deerwester et al. 1990 used ~100 on small
   * collections; Landauer & Dumais found ~300 best on larger ones).
   */
  readonly dimensions?: number;
  /** Terms held by fewer chunks are left out (no co-occurrence to learn from). Default 2; range 1–5. */
  readonly minDocumentFrequency?: number;
  /** Power iterations of the randomized SVD. Default 4; range 2–7. */
  readonly powerIterations?: number;
  /** Seed of the randomized SVD. Default 1. */
  readonly seed?: number;
}

/**
 * Latent semantic analysis (Deerwester et al. 1990) over analyzed chunks: the chunk × term matrix of
 * `(1 + ln tf) · idf`, rows L2-normalized (`idf = ln((1 + N) / (1 + df)) + 1`, scikit-learn's smooth idf), is
 * factored by a randomized truncated SVD; a term's vector is its row of V, so a text's vector is its tf-idf
 * projected on the latent space (`embedTermCounts`). Deterministic for a given seed.
 *
 * @example
 * const model = trainLsaVectors(chunks.map((chunk) => chunk.terms), { dimensions: 256 });
 * const vector = embedTermCounts(model, countTerms(analyzer.terms('rotate the api key')).terms);
 */
export function trainLsaVectors(documents: readonly ReadonlyMap<string, number>[], options: LsaOptions = {}): CorpusVectors {
  const minDf = Math.max(1, Math.floor(options.minDocumentFrequency ?? 2));
  const documentFrequency = new Map<string, number>();
  for (const document of documents) for (const [term, count] of document) if (count > 0) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const vocabulary = [...documentFrequency].filter(([, df]) => df >= minDf).map(([term]) => term).sort();
  const terms = new Map(vocabulary.map((term, index) => [term, index]));
  const total = documents.length;
  const idf = Float32Array.from(vocabulary, (term) => Math.log((1 + total) / (1 + (documentFrequency.get(term) ?? 0))) + 1);
  const offsets = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const document of documents) {
    const start = indices.length;
    for (const [term, count] of document) {
      const column = terms.get(term);
      if (column === undefined || !(count > 0)) continue;
      indices.push(column);
      values.push((1 + Math.log(count)) * (idf[column] ?? 0));
    }
    let norm = 0;
    for (let entry = start; entry < values.length; entry++) norm += (values[entry] ?? 0) ** 2;
    norm = Math.sqrt(norm);
    for (let entry = start; entry < values.length; entry++) values[entry] = (values[entry] ?? 0) / (norm || 1);
    offsets.push(indices.length);
  }
  const matrix: SparseMatrix = {
    rows: total,
    columns: vocabulary.length,
    offsets: Int32Array.from(offsets),
    indices: Int32Array.from(indices),
    values: Float64Array.from(values),
  };
  const requested = Math.max(1, Math.floor(options.dimensions ?? 256));
  const powerIterations = options.powerIterations ?? 4;
  const seed = options.seed ?? 1;
  const svd = randomizedSvd(matrix, requested, { powerIterations, seed });
  return {
    kind: 'lsa',
    dimensions: svd.rank,
    terms,
    termWeights: idf,
    termVectors: Float32Array.from(svd.rightVectors),
    termFrequency: 'log',
    settings: JSON.stringify({ dimensions: requested, minDocumentFrequency: minDf, powerIterations, seed, idf: 'smooth', tf: 'log' }),
  };
}
