import type { FieldTerms } from '../../core/lexical-index.js';

/**
 * Counts analyzed terms into a field's term frequencies; the field length is the number of terms
 * (stop words are already gone, so they do not count, as in Lucene).
 *
 * @example
 * countTerms(['cat', 'sat', 'cat']); // { terms: Map { 'cat' => 2, 'sat' => 1 }, length: 3 }
 */
export function countTerms(terms: readonly string[]): FieldTerms {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return { terms: counts, length: terms.length };
}
