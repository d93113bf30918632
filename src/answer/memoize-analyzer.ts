import type { Analyzer } from '../core/lexical-index.js';

/**
 * An analyzer that remembers the terms of every text it analyzed, for one request: the answerability signals and the
 * reader read the same passages and units, and analysis is most of their cost. Do not keep it across requests.
 *
 * @example
 * const analyzer = memoizeAnalyzer(createAnalyzer());
 */
export function memoizeAnalyzer(analyzer: Analyzer): Analyzer {
  const seen = new Map<string, string[]>();
  return {
    id: analyzer.id,
    terms(text: string): string[] {
      let terms = seen.get(text);
      if (terms === undefined) {
        terms = analyzer.terms(text);
        seen.set(text, terms);
      }
      return terms;
    },
  };
}
