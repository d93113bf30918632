/** A citation of an exact passage: the `[n]` marker in the answer points here. */
export interface Citation {
  /** The marker number used in the answer text, from 1. */
  readonly n: number;
  /** Document key. */
  readonly doc: string;
  /** Character span in the document's normalized text. */
  readonly start: number;
  readonly end: number;
  /** `text.slice(start, end)` of the document: the quoted evidence. */
  readonly quote: string;
  /** The chunk the quote came from. */
  readonly chunkId: string;
}

/** Time spent per stage of answering, in milliseconds. */
export interface AnswerTimings {
  readonly retrieveMs: number;
  readonly generateMs: number;
  readonly totalMs: number;
}

/** A cited answer or an abstention. */
export interface Answer {
  readonly question: string;
  /** The answer with inline `[n]` markers, or the abstention message. */
  readonly answer: string;
  readonly abstained: boolean;
  readonly citations: readonly Citation[];
  readonly timings: AnswerTimings;
  /** Evidence strength used by the abstention decision, in [0, 1]. */
  readonly confidence: number;
}
