import type { RowHit } from '../fuse/row-hit.js';

/** Settings of {@link maximalMarginalRelevance}. */
export interface MaximalMarginalRelevanceOptions {
  /**
   * Trade-off in [0, 1]: 1 is pure relevance (the input order), 0 pure novelty. Default 0.7, a common choice for
   * question answering (LangChain and LlamaIndex default to 0.5, which drops relevant near-duplicates too eagerly
   * for citation work).
   */
  readonly lambda?: number;
  /** How many rows to select. */
  readonly k: number;
  /** Similarity of two rows in [-1, 1] (cosine of their vectors); undefined when unknown (treated as 0). */
  readonly similarity: (left: number, right: number) => number | undefined;
}

/**
 * Maximal marginal relevance (Carbonell and Goldstein, SIGIR 1998): picks rows one at a time, each maximizing
 * `lambda * relevance - (1 - lambda) * (most similar already picked)`, so near-duplicate passages give way to ones
 * that add something. Relevance is the candidates' scores min-max scaled to [0, 1], comparable with cosine.
 *
 * @example
 * maximalMarginalRelevance(fusedHits, { k: 10, similarity: (a, b) => cosine(vectors.get(a), vectors.get(b)) });
 */
export function maximalMarginalRelevance(candidates: readonly RowHit[], options: MaximalMarginalRelevanceOptions): RowHit[] {
  const lambda = options.lambda ?? 0.7;
  if (candidates.length === 0 || options.k <= 0) return [];
  let low = Infinity;
  let high = -Infinity;
  for (const hit of candidates) {
    low = Math.min(low, hit.score);
    high = Math.max(high, hit.score);
  }
  const span = high - low;
  const relevance = candidates.map((hit) => (span > 0 ? (hit.score - low) / span : 1));
  const maxSimilarity = new Float64Array(candidates.length).fill(-Infinity);
  const taken = new Uint8Array(candidates.length);
  const picked: RowHit[] = [];
  while (picked.length < Math.min(options.k, candidates.length)) {
    let best = -1;
    let bestValue = -Infinity;
    for (let index = 0; index < candidates.length; index++) {
      if (taken[index] === 1) continue;
      const redundancy = picked.length === 0 ? 0 : (maxSimilarity[index] ?? 0);
      const value = lambda * (relevance[index] ?? 0) - (1 - lambda) * redundancy;
      if (value > bestValue) {
        bestValue = value;
        best = index;
      }
    }
    const chosen = candidates[best];
    if (chosen === undefined) break;
    taken[best] = 1;
    picked.push(chosen);
    for (let index = 0; index < candidates.length; index++) {
      if (taken[index] === 1) continue;
      const similarity = options.similarity(chosen.row, candidates[index]?.row ?? 0) ?? 0;
      if (similarity > (maxSimilarity[index] ?? -Infinity)) maxSimilarity[index] = similarity;
    }
  }
  return picked;
}
