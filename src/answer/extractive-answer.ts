import type { Answer, Citation } from '../core/answer.js';
import type { ScoredChunk } from '../core/document.js';
import type { Analyzer } from '../core/lexical-index.js';
import { questionTerms } from './answerability/question-terms.js';
import { chooseAnswerUnits } from './reader/choose-answer-units.js';
import { renderAnswerUnit } from './reader/render-answer-unit.js';

/** The message of an abstention. Scripts may match on `abstained`, not on this text. */
export const abstentionMessage = 'Not found in the knowledge base.';

/** Settings of {@link extractiveAnswer}. */
export interface ExtractiveAnswerOptions {
  readonly analyzer: Analyzer;
  /** Inverse document frequency of an analyzed term in the knowledge base (0 for an absent term is fine). */
  readonly idf: (term: string) => number;
  /** Most units quoted; default 3. */
  readonly maxSentences?: number;
  /** Top passages read; default 5. */
  readonly passages?: number;
}

/**
 * Builds an answer with no language model: the reader ({@link chooseAnswerUnits}) picks the sentences, table rows,
 * list items, `key: value` lines or code blocks of the top passages that answer the question, and each is quoted
 * (see {@link renderAnswerUnit}) followed by an `[n]` citation of its exact span. Whether to answer at all is the
 * answerability gate's decision, made before; this abstains only when nothing in the passages is worth quoting.
 *
 * @example
 * const answer = extractiveAnswer('How do I enable compression?', passages, { analyzer, idf });
 */
export function extractiveAnswer(
  question: string,
  passages: readonly ScoredChunk[],
  options: ExtractiveAnswerOptions,
): Omit<Answer, 'timings' | 'confidence'> {
  const top = passages.slice(0, options.passages ?? 5);
  const terms = questionTerms(question, options);
  const chosen = chooseAnswerUnits(question, terms, top, { analyzer: options.analyzer, maxUnits: options.maxSentences ?? 3 });
  if (chosen.length === 0) return { question, answer: abstentionMessage, abstained: true, citations: [] };
  const citations: Citation[] = chosen.map((unit, index) => ({
    n: index + 1,
    doc: unit.passage.chunk.doc,
    start: unit.start,
    end: unit.end,
    quote: unit.text,
    chunkId: unit.passage.chunk.id,
  }));
  const answer = chosen.map((unit, index) => renderAnswerUnit(unit, `[${index + 1}]`)).join(' ').replace(/\n /g, '\n').trim();
  return { question, answer, abstained: false, citations };
}
