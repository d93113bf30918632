/**
 * Terms of one field of one chunk after analysis (tokenize, lower-case, stop words, stemming):
 * term -> frequency, plus the field length in tokens (stop words excluded, as Lucene does).
 */
export interface FieldTerms {
  readonly terms: ReadonlyMap<string, number>;
  readonly length: number;
}

/** The analyzed fields of a chunk, as stored and as fed to a lexical index. */
export interface AnalyzedChunk {
  /** Dense row number the index returns, chosen by the caller. */
  readonly row: number;
  /** The chunk's body text. */
  readonly body: FieldTerms;
  /** Title and heading path. */
  readonly title: FieldTerms;
}

/** One lexical hit: the caller's row number and its score. */
export interface LexicalHit {
  readonly row: number;
  readonly score: number;
}

/** Turns text into index terms. */
export interface Analyzer {
  /** Fingerprint of the settings; stored terms are re-analyzed when it changes. */
  readonly id: string;
  /** Terms of `text`, in order, duplicates kept. */
  terms(text: string): string[];
}

/** Per-query options of {@link LexicalIndex.search}. */
export interface LexicalSearchOptions {
  /**
   * Only rows it accepts may be returned, and the `k` results are the best accepted rows (the filter applies before
   * ranking, not to the top `k` afterwards).
   */
  readonly accept?: (row: number) => boolean;
}

/**
 * A query for a lexical index: analyzed terms (a repeated term weighs more), or terms with their weights
 * (pseudo-relevance feedback produces fractional weights).
 */
export type LexicalQuery = readonly string[] | ReadonlyMap<string, number>;

/**
 * A lexical (keyword) index over analyzed chunks.
 * Any string is a valid query: there is no query syntax to get wrong.
 */
export interface LexicalIndex {
  readonly size: number;
  /** The `k` best rows for the query, best first. */
  search(query: LexicalQuery, k: number, options?: LexicalSearchOptions): LexicalHit[];
  /**
   * Inverse document frequency of an analyzed term over the indexed chunks, as the index scores it. A term no chunk
   * contains gets the largest value (it is as rare as a term can be).
   */
  idf(term: string): number;
  /** How many indexed chunks hold an analyzed term (0 for a term the knowledge base never mentions). */
  documentFrequency(term: string): number;
  /** The index as bytes that its loader turns back into an equal index (persisted to skip rebuilding). */
  toSnapshot(): Uint8Array;
}
