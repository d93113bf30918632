import type { ScoredChunk } from '../../core/document.js';
import type { Analyzer } from '../../core/lexical-index.js';
import type { RetrievalSignals } from '../../retrieve/retrieval-signals.js';
import { chooseAnswerUnits } from '../reader/choose-answer-units.js';
import { expectedValueKinds } from '../reader/expected-value-kinds.js';
import type { AnswerabilityFeatures } from '../../core/answerability-features.js';
import { questionTerms, type QuestionTerms } from './question-terms.js';

/** What the features are measured against: the knowledge base's analyzer and term statistics. */
export interface AnswerabilityContext {
  readonly analyzer: Analyzer;
  readonly idf: (term: string) => number;
  readonly documentFrequency: (term: string) => number;
}

/** Passages that may supply the evidence of one passage, and of the union. */
const bestDepth = 3;
const unionDepth = 5;

/**
 * Measures the answerability signals of a question from what retrieval already has: term coverage (one passage,
 * several, titles and headings), how much of the question the knowledge base knows at all, query-performance
 * predictors over the BM25 scores (top score and mean of the top 5 over the query's own maximum, score gap, spread),
 * whether a top passage holds the kind of value asked for, and the dense and rerank scores when present. Cheap: it
 * reads only the top passages' text.
 *
 * @example
 * const features = measureAnswerabilityFeatures(question, passages, signals, { analyzer, idf, documentFrequency });
 */
export function measureAnswerabilityFeatures(
  question: string,
  passages: readonly ScoredChunk[],
  signals: RetrievalSignals,
  context: AnswerabilityContext,
): { readonly features: AnswerabilityFeatures; readonly terms: QuestionTerms } {
  const terms = questionTerms(question, context);
  const coverage = coverageOf(knownTerms(terms, context), passages, context.analyzer);
  const found = foundShare(terms, context);
  const scores = signals.lexicalScores;
  const queryMax = queryMaximum(question, context);
  const top = scores[0] ?? 0;
  const top5 = scores.slice(0, 5);
  const expected = expectedValueKinds(question);
  const best = expected.kinds.length === 0 ? undefined : chooseAnswerUnits(question, terms, passages.slice(0, unionDepth), { analyzer: context.analyzer, maxUnits: 1, preferValues: false })[0];
  const dense = signals.denseScores;
  const features: AnswerabilityFeatures = {
    coverageBest: coverage.best,
    coverageUnion: coverage.union,
    coverageTitle: coverage.title,
    coverageSpecific: coverage.specific,
    foundInCorpus: found,
    absentName: hasAbsentName(question, context) ? 1 : 0,
    topScoreRatio: queryMax === 0 ? 0 : Math.min(1, top / queryMax),
    meanTopRatio: queryMax === 0 || top5.length === 0 ? 0 : Math.min(1, mean(top5) / queryMax),
    scoreGap: top === 0 ? 0 : (top - (scores[1] ?? 0)) / top,
    scoreSpread: queryMax === 0 ? 0 : Math.min(1, standardDeviation(scores) / queryMax),
    queryLength: Math.min(3, Math.log1p(terms.weights.size)),
    typedValueFound: expected.kinds.length === 0 ? 0 : best?.typed === true ? 1 : -1,
    hasDense: dense === undefined ? 0 : 1,
    denseTop: dense?.[0] ?? 0,
    agreement: signals.agreement ?? 0,
    hasRerank: signals.rerankScore === undefined ? 0 : 1,
    rerankTop: signals.rerankScore === undefined ? 0 : squash(signals.rerankScore),
  };
  return { features, terms };
}

/** The question's terms the knowledge base holds somewhere. */
function knownTerms(terms: QuestionTerms, context: AnswerabilityContext): QuestionTerms {
  const weights = new Map([...terms.weights].filter(([term]) => context.documentFrequency(term) > 0));
  let total = 0;
  for (const weight of weights.values()) total += weight;
  return { weights, total };
}

function coverageOf(terms: QuestionTerms, passages: readonly ScoredChunk[], analyzer: Analyzer): { best: number; union: number; title: number; specific: number } {
  if (terms.total === 0) return { best: 0, union: 0, title: 0, specific: 0 };
  const rarest = [...terms.weights].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 2);
  const specificTerms: QuestionTerms = { weights: new Map(rarest), total: rarest.reduce((sum, [, weight]) => sum + weight, 0) };
  let best = 0;
  let title = 0;
  let specific = 0;
  const union = new Set<string>();
  for (const [index, { chunk }] of passages.slice(0, unionDepth).entries()) {
    const heading = new Set(analyzer.terms(`${chunk.title}\n${chunk.headingPath.join('\n')}`));
    const present = new Set([...heading, ...analyzer.terms(chunk.text)]);
    for (const term of present) union.add(term);
    if (index < bestDepth) {
      best = Math.max(best, share(present, terms));
      title = Math.max(title, share(heading, terms));
      specific = Math.max(specific, share(present, specificTerms));
    }
  }
  return { best, union: share(union, terms), title, specific };
}

function share(present: ReadonlySet<string>, terms: QuestionTerms): number {
  let covered = 0;
  for (const [term, weight] of terms.weights) if (present.has(term)) covered += weight;
  return covered / terms.total;
}

function foundShare(terms: QuestionTerms, context: AnswerabilityContext): number {
  if (terms.total === 0) return 0;
  let found = 0;
  for (const [term, weight] of terms.weights) if (context.documentFrequency(term) > 0) found += weight;
  return found / terms.total;
}

/** The largest BM25 score the query could reach: each term's idf (saturated tf is below 1), repeats counted. */
function queryMaximum(question: string, context: AnswerabilityContext): number {
  let sum = 0;
  for (const term of context.analyzer.terms(question)) sum += Math.max(0, context.idf(term));
  return sum;
}

// A word that names something: inner capitals (wasmFilters, PostgreSQL), digits with letters (v4, http3), dots,
// underscores or hyphens inside (acme.storage, max_age), or a capital not at the start of the question (Kafka).
const nameShape = /^(?=.*\p{L})(?:.+\p{Lu}|.*\p{N}|.*[._-].)/u;

/** True when the question names something the knowledge base never mentions. */
function hasAbsentName(question: string, context: AnswerabilityContext): boolean {
  const words = question.match(/[\p{L}\p{N}](?:[\p{L}\p{N}._-]*[\p{L}\p{N}])?/gu) ?? [];
  return words.some((word, index) => {
    const capitalized = index > 0 && /^\p{Lu}/u.test(word) && word !== 'I';
    if (!capitalized && !nameShape.test(word)) return false;
    const analyzed = context.analyzer.terms(word);
    return analyzed.length > 0 && analyzed.every((term) => context.documentFrequency(term) === 0);
  });
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function standardDeviation(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const average = mean(values);
  return Math.sqrt(values.reduce((sum, value) => sum + (value - average) ** 2, 0) / values.length);
}

/** A score already in [0, 1] is kept; a logit is squashed. */
function squash(score: number): number {
  return score >= 0 && score <= 1 ? score : 1 / (1 + Math.exp(-score));
}
