import type { Answer, Citation } from '../core/answer.js';
import type { ScoredChunk } from '../core/document.js';
import type { Analyzer } from '../core/lexical-index.js';
import { splitSentences } from '../core/text/split-sentences.js';
import { measureEvidence, type EvidenceWeights } from './measure-evidence.js';
import { tidyQuote } from './tidy-quote.js';

/** The message of an abstention. Scripts may match on `abstained`, not on this text. */
export const abstentionMessage = 'Not found in the knowledge base.';

/** Settings of {@link extractiveAnswer}. */
export interface ExtractiveAnswerOptions {
  readonly analyzer: Analyzer;
  /** Inverse document frequency of an analyzed term in the knowledge base (0 for an absent term is fine). */
  readonly idf: (term: string) => number;
  /** Abstain when evidence confidence is below this, in [0, 1]. See docs/abstention.md for the calibration. */
  readonly minConfidence: number;
  /** Most sentences quoted; default 3. */
  readonly maxSentences?: number;
  /** Top passages read; default 5. */
  readonly passages?: number;
}

interface Candidate {
  readonly passage: ScoredChunk;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly terms: ReadonlySet<string>;
  readonly score: number;
}

/**
 * Builds an answer with no language model: the sentences of the top passages that cover the most of the question's
 * weighted terms, each followed by an `[n]` citation of its exact span. Abstains with {@link abstentionMessage} when
 * the evidence is weaker than `minConfidence` (see {@link measureEvidence}).
 *
 * @example
 * const answer = extractiveAnswer('How do I enable compression?', passages, { analyzer, idf, minConfidence: 0.5 });
 */
export function extractiveAnswer(
  question: string,
  passages: readonly ScoredChunk[],
  options: ExtractiveAnswerOptions,
): Omit<Answer, 'timings'> {
  const top = passages.slice(0, options.passages ?? 5);
  const weights = measureEvidence(question, top, options);
  if (weights.confidence < options.minConfidence || top.length === 0) {
    return { question, answer: abstentionMessage, abstained: true, citations: [], confidence: weights.confidence };
  }
  const chosen = chooseSentences(sentenceCandidates(top, weights, options.analyzer), weights, options.maxSentences ?? 3);
  // The evidence may sit only in a title or heading, which is never quoted: with nothing to quote, abstain.
  if (chosen.length === 0) {
    return { question, answer: abstentionMessage, abstained: true, citations: [], confidence: weights.confidence };
  }
  const citations: Citation[] = chosen.map((candidate, index) => ({
    n: index + 1,
    doc: candidate.passage.chunk.doc,
    start: candidate.start,
    end: candidate.end,
    quote: candidate.text,
    chunkId: candidate.passage.chunk.id,
  }));
  const answer = chosen.map((candidate, index) => `${tidyQuote(candidate.text)} [${index + 1}]`).join(' ');
  return { question, answer, abstained: false, citations, confidence: weights.confidence };
}

function sentenceCandidates(passages: readonly ScoredChunk[], weights: EvidenceWeights, analyzer: Analyzer): Candidate[] {
  const candidates: Candidate[] = [];
  for (const passage of passages) {
    // Later passages count for less: the retriever's order is evidence too.
    const rankPrior = 1 / (1 + 0.15 * (passage.rank - 1));
    for (const sentence of quotableSentences(passage.chunk.text, passage.chunk.start)) {
      const terms = new Set(analyzer.terms(sentence.text));
      const covered = coveredMass(terms, weights, new Set());
      if (covered === 0) continue;
      candidates.push({ passage, ...sentence, terms, score: (covered / weights.total) * rankPrior });
    }
  }
  return candidates.sort((a, b) => b.score - a.score || a.start - b.start);
}

/**
 * Sentences worth quoting: not headings (they name a topic, they answer nothing) and not markup alone. A sentence
 * that ends with a colon announces what follows (a command, a list), so it is quoted together with the next one.
 */
function quotableSentences(text: string, offset: number): { start: number; end: number; text: string }[] {
  const sentences = splitSentences(text, offset).filter(
    (sentence) => /[\p{L}\p{N}]/u.test(sentence.text) && !/^#{1,6}\s/.test(sentence.text),
  );
  const quotable: { start: number; end: number; text: string }[] = [];
  for (let index = 0; index < sentences.length; index += 1) {
    const sentence = sentences[index];
    if (sentence === undefined) continue;
    const next = sentences[index + 1];
    if (sentence.text.endsWith(':') && next !== undefined) {
      quotable.push({ start: sentence.start, end: next.end, text: text.slice(sentence.start - offset, next.end - offset) });
      index += 1;
    } else {
      quotable.push(sentence);
    }
  }
  return quotable;
}

/** Greedy selection: the best sentence first, then sentences that add a real share of query terms not yet covered. */
function chooseSentences(candidates: readonly Candidate[], weights: EvidenceWeights, max: number): Candidate[] {
  const chosen: Candidate[] = [];
  const covered = new Set<string>();
  const best = candidates[0];
  if (best === undefined) return chosen;
  const add = (candidate: Candidate): void => {
    chosen.push(candidate);
    for (const term of candidate.terms) covered.add(term);
  };
  add(best);
  while (chosen.length < max) {
    let next: Candidate | undefined;
    let nextGain = 0;
    for (const candidate of candidates) {
      if (chosen.includes(candidate)) continue;
      const gain = coveredMass(candidate.terms, weights, covered) / weights.total;
      if (gain > nextGain + 1e-9) {
        next = candidate;
        nextGain = gain;
      }
    }
    // A sentence must add a real share of the question to be worth quoting.
    if (next === undefined || nextGain < 0.15) break;
    add(next);
  }
  return chosen;
}

function coveredMass(terms: ReadonlySet<string>, weights: EvidenceWeights, exclude: ReadonlySet<string>): number {
  let mass = 0;
  for (const [term, weight] of weights.terms) if (terms.has(term) && !exclude.has(term)) mass += weight;
  return mass;
}
