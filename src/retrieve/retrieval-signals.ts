/**
 * What retrieval saw besides the passages, for query-performance prediction (answerability): raw scores of each
 * retriever's best candidates, before fusion.
 */
export interface RetrievalSignals {
  /** BM25 scores of the best lexical candidates (up to {@link signalDepth}), best first. */
  readonly lexicalScores: readonly number[];
  /** Similarity of the best dense candidates, best first; absent without dense retrieval. */
  readonly denseScores?: readonly number[];
  /** Share of the top lexical rows that are also top dense rows, in [0, 1]; absent without dense retrieval. */
  readonly agreement?: number;
  /** The reranker's score of the best passage; absent without a reranker. */
  readonly rerankScore?: number;
}

/** How many candidates of each retriever the signals keep. */
export const signalDepth = 10;
