import type { Answer } from './answer.js';
import type { AnswerabilityModel } from './answerability-model.js';
import type { ChatUsage } from './chat-model.js';
import type { ScoredChunk } from './document.js';
import type { Analyzer } from './lexical-index.js';

/** How the answerer gets its knowledge: retrieved passages, the whole corpus, or nothing (what it already knows). */
export type AnswerStrategy = 'rag' | 'long-context' | 'closed-book';

/** One question to answer, with everything retrieval and the answerability prediction produced. */
export interface AnswerRequest {
  readonly question: string;
  readonly strategy: AnswerStrategy;
  /** Retrieved passages, best first (`rag`; empty otherwise). */
  readonly passages: readonly ScoredChunk[];
  /** `rag`: the predicted probability that the passages answer the question, and the calibrated model it came from. */
  readonly answerability?: { readonly value: number; readonly model: AnswerabilityModel };
  /** `long-context`: every document, ordered by key. */
  readonly documents?: readonly { readonly key: string; readonly text: string }[];
  /** The knowledge base's analysis (memoized for this request) and term weights, for answerers that read passages. */
  readonly reading: { readonly analyzer: Analyzer; readonly idf: (term: string) => number };
  readonly onDelta?: (text: string) => void;
  readonly signal?: AbortSignal;
}

/** A cited answer or an abstention, with what producing it cost. */
export interface AnswererResult extends Omit<Answer, 'timings'> {
  readonly strategy: AnswerStrategy;
  readonly modelId: string;
  /** Whether a paid model was called (false for offline answers and for abstentions before generation). */
  readonly calledModel: boolean;
  /** Which gate abstained: the answerability gate before any model call, or the answerer itself; null when it answered. */
  readonly abstainedBy: 'gate' | 'model' | null;
  readonly usage: ChatUsage | null;
  /** USD; null when the model has no price, 0 when nothing was paid for. */
  readonly costUsd: number | null;
  readonly unsupportedSentences: number;
  readonly danglingMarkers: readonly number[];
}

/**
 * Turns retrieved passages into a cited answer or an abstention, and decides where the answerability gate stands for
 * it. Two implementations ship: the offline extractive reader (`createExtractiveAnswerer`) and one wrapping any
 * `ChatModel` (`createChatAnswerer`); the knowledge base never asks which one it has.
 *
 * @example
 * const answerer = createChatAnswerer({ model: chatModel, contextTokens: 6000, maxOutputTokens: 800 });
 * const result = await answerer.answer({ question, strategy: 'rag', passages, reading });
 */
export interface Answerer {
  readonly provider: string;
  readonly modelId: string | null;
  /** What shapes its answers, for run fingerprints: ids and numbers, never credentials or config objects. */
  readonly settings: Readonly<Record<string, string | number | boolean | null>>;
  answer(request: AnswerRequest): Promise<AnswererResult>;
}
