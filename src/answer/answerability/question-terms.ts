import type { Analyzer } from '../../core/lexical-index.js';

/** A question's content terms with their weights (idf in the knowledge base). */
export interface QuestionTerms {
  /** Analyzed content term -> weight. */
  readonly weights: ReadonlyMap<string, number>;
  /** Sum of the weights. */
  readonly total: number;
}

// Words that shape a question but carry no topic. Lucene's stop list leaves them in; they must not count as
// evidence, nor their absence against it.
const questionWords = (
  'what which who whom whose when where why how does do did done can could should would may might must shall ' +
  'i you we me my your our us please tell explain describe give list name show find know want need use using ' +
  'long many much often'
).split(' ');

const stopTermsByAnalyzer = new WeakMap<Analyzer, ReadonlySet<string>>();

/**
 * The question's content terms, each weighing its idf: rare terms say more about the topic than common ones, and a
 * term no chunk contains gets the largest idf. Question words (`what`, `how`, `does`, `long`...) are left out.
 *
 * @example
 * questionTerms('How do I enable gzip compression?', { analyzer, idf }).weights; // Map { 'enabl' => 2.1, 'gzip' => 5.3, ... }
 */
export function questionTerms(question: string, options: { readonly analyzer: Analyzer; readonly idf: (term: string) => number }): QuestionTerms {
  let stop = stopTermsByAnalyzer.get(options.analyzer);
  if (stop === undefined) {
    stop = new Set(questionWords.flatMap((word) => options.analyzer.terms(word)));
    stopTermsByAnalyzer.set(options.analyzer, stop);
  }
  const weights = new Map<string, number>();
  for (const term of options.analyzer.terms(question)) {
    if (stop.has(term) || weights.has(term)) continue;
    weights.set(term, Math.max(options.idf(term), 0));
  }
  let total = 0;
  for (const weight of weights.values()) total += weight;
  return { weights, total };
}
