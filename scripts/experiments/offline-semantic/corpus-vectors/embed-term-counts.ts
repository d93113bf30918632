import type { CorpusVectors } from './corpus-vectors.js';

/**
 * A text's vector from its analyzed term counts: `Σ_t f(count) · weight(t) · vector(t)` over the model's terms
 * (unknown terms are skipped), minus its projection on the model's common component, L2-normalized. A text with no
 * known term gets the zero vector (cosine 0 with everything). Pure.
 *
 * @example
 * const vector = embedTermCounts(model, countTerms(analyzer.terms('rotate the api key')).terms);
 */
export function embedTermCounts(model: CorpusVectors, counts: ReadonlyMap<string, number>): Float32Array {
  const { dimensions, terms, termWeights, termVectors, commonComponent } = model;
  const sum = new Float64Array(dimensions);
  for (const [term, count] of counts) {
    const row = terms.get(term);
    if (row === undefined || !(count > 0)) continue;
    const weight = (model.termFrequency === 'log' ? 1 + Math.log(count) : count) * (termWeights[row] ?? 0);
    const offset = row * dimensions;
    for (let dimension = 0; dimension < dimensions; dimension++) sum[dimension] = (sum[dimension] ?? 0) + weight * (termVectors[offset + dimension] ?? 0);
  }
  if (commonComponent !== undefined) {
    let projection = 0;
    for (let dimension = 0; dimension < dimensions; dimension++) projection += (sum[dimension] ?? 0) * (commonComponent[dimension] ?? 0);
    for (let dimension = 0; dimension < dimensions; dimension++) sum[dimension] = (sum[dimension] ?? 0) - projection * (commonComponent[dimension] ?? 0);
  }
  let norm = 0;
  for (const value of sum) norm += value * value;
  norm = Math.sqrt(norm);
  const vector = new Float32Array(dimensions);
  if (norm > 0) for (let dimension = 0; dimension < dimensions; dimension++) vector[dimension] = (sum[dimension] ?? 0) / norm;
  return vector;
}
