/**
 * The signals answerability is predicted from, each a number in a small fixed range so one set of coefficients
 * transfers between knowledge bases. Lexical signals are always present; dense and rerank signals are 0 (with their
 * `has*` indicator 0) when the preset has no embedder or reranker.
 */
export const answerabilityFeatureNames = [
  /**
   * Best idf-weighted share of the question's known content terms (those the knowledge base has at all) in one of the
   * top 3 passages (text, title, headings). Words the knowledge base never uses are left to `foundInCorpus`: a
   * paraphrase ("temp file") must not count against the passage.
   */
  'coverageBest',
  /** The same share over the union of the top 5 passages (a question answered across passages). */
  'coverageUnion',
  /** The share found in the best passage's title and heading path alone. */
  'coverageTitle',
  /** Share of the question's most specific known terms (the two rarest the knowledge base has) in one top passage. */
  'coverageSpecific',
  /** Idf-weighted share of the question's content terms that occur anywhere in the knowledge base. */
  'foundInCorpus',
  /** 1 when a word the knowledge base never mentions looks like a name or identifier (Kafka, wasmFilters, v4). */
  'absentName',
  /** Top BM25 score over the query's own maximum (the sum of its terms' idf): how much of the query matched. */
  'topScoreRatio',
  /** Mean of the top 5 BM25 scores over the query's maximum (weighted information gain, WIG). */
  'meanTopRatio',
  /** (s1 - s2) / s1 of the BM25 scores: a clear winner. */
  'scoreGap',
  /** Standard deviation of the top 10 BM25 scores over the query's maximum (normalized query commitment, NQC). */
  'scoreSpread',
  /** ln(1 + content terms), bounded: longer questions spread their evidence. */
  'queryLength',
  /** 1 when the question asks for a kind of value (a default, a port, a duration...) and a top passage holds one. */
  'typedValueFound',
  /** 1 when dense retrieval ran. */
  'hasDense',
  /** Similarity of the best dense candidate (0 without dense retrieval). */
  'denseTop',
  /** Share of the top lexical rows that are also top dense rows (0 without dense retrieval). */
  'agreement',
  /** 1 when a reranker ran. */
  'hasRerank',
  /** The reranker's score of the best passage squashed to (0, 1) (0 without a reranker). */
  'rerankTop',
] as const;

/** One named answerability signal. */
export type AnswerabilityFeatureName = (typeof answerabilityFeatureNames)[number];

/** The signals of one question, by name. */
export type AnswerabilityFeatures = Readonly<Record<AnswerabilityFeatureName, number>>;
