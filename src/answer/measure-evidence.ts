import type { ScoredChunk } from '../core/document.js';
import type { Analyzer } from '../core/lexical-index.js';

/** The question's weighted terms and how well the passages cover them. */
export interface EvidenceWeights {
  /** Content term -> weight (its idf). */
  readonly terms: ReadonlyMap<string, number>;
  /** Sum of the weights. */
  readonly total: number;
  /** Best idf-weighted share of the question's terms found in one of the top passages, in [0, 1]. */
  readonly confidence: number;
}

// Words that shape a question but carry no topic. Lucene's stop list leaves them in; they must not count as
// evidence, nor their absence against it.
const questionWords = new Set(
  (
    'what which who whom whose when where why how does do did done can could should would may might must shall ' +
    'i you we me my your our us please tell explain describe give list name show find know want need use using ' +
    'long many much often'
  ).split(' '),
);

/** How many top passages may supply the evidence: the answer quotes from them. */
const evidencePassages = 3;

/**
 * Measures how well the top passages cover the question: each content term of the question weighs its idf
 * (rare terms say more about the topic than common ones), and confidence is the largest share of that weight
 * found in one passage (its text, title and heading path). Confidence is 0 when the question has no content term.
 *
 * @example
 * measureEvidence('How do I enable gzip compression?', passages, { analyzer, idf }).confidence; // 0.83
 */
export function measureEvidence(
  question: string,
  passages: readonly ScoredChunk[],
  options: { readonly analyzer: Analyzer; readonly idf: (term: string) => number },
): EvidenceWeights {
  const stopQuestionTerms = new Set([...questionWords].flatMap((word) => options.analyzer.terms(word)));
  const terms = new Map<string, number>();
  for (const term of options.analyzer.terms(question)) {
    if (stopQuestionTerms.has(term) || terms.has(term)) continue;
    terms.set(term, Math.max(options.idf(term), 0));
  }
  let total = 0;
  for (const weight of terms.values()) total += weight;
  if (total === 0) return { terms, total, confidence: 0 };
  let confidence = 0;
  for (const passage of passages.slice(0, evidencePassages)) {
    const { chunk } = passage;
    const present = new Set(options.analyzer.terms(`${chunk.title}\n${chunk.headingPath.join('\n')}\n${chunk.text}`));
    let covered = 0;
    for (const [term, weight] of terms) if (present.has(term)) covered += weight;
    confidence = Math.max(confidence, covered / total);
  }
  return { terms, total, confidence };
}
