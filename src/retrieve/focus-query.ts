import type { LexicalQuery } from '../core/lexical-index.js';

/**
 * The lexical query to search for one part of a question, so that `wholeWeight × score(question) + score(this query)`
 * (see `focusRanking`) is the BM25 score of the question with the part's terms at full weight and every other term at
 * `wholeWeight`: each part term weighs its count in the part minus `wholeWeight` times its count in the question (a
 * term the question repeats more than three times over ends at 0). Only the part's few terms are searched.
 *
 * @param wholeWeight in [0, 1), the weight `focusRanking` gives the whole question
 * @example
 * focusQuery(['port', 'redirect', 'traffic'], ['redirect', 'traffic'], 0.3);
 * // Map { 'redirect' => 0.7, 'traffic' => 0.7 }
 */
export function focusQuery(questionTerms: readonly string[], partTerms: readonly string[], wholeWeight: number): LexicalQuery {
  const weights = new Map<string, number>();
  for (const term of partTerms) weights.set(term, (weights.get(term) ?? 0) + 1);
  for (const term of questionTerms) {
    const weight = weights.get(term);
    if (weight !== undefined) weights.set(term, weight - wholeWeight);
  }
  for (const [term, weight] of weights) if (weight <= 0) weights.delete(term);
  return weights;
}
