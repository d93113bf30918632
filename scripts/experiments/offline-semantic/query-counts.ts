import type { Analyzer } from '../../../src/core/lexical-index.js';

/** The analyzed terms of a query with their counts. */
export function queryCounts(analyzer: Analyzer, query: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of analyzer.terms(query)) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}
