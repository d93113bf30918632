/** How to fuse the lexical and dense lists. */
export type FusionMethod =
  | { readonly method: 'rrf'; readonly k?: number }
  | { readonly method: 'weighted'; readonly semanticWeight: number };

/** One retrieval request. */
export interface RetrievalPlan {
  readonly k: number;
  /** Candidates taken from each retriever before fusion. Default `max(k, 100)`. */
  readonly candidates?: number;
  /** Default RRF with k = 60. */
  readonly fusion?: FusionMethod;
  /** Maximal marginal relevance over the final candidates; absent: off. */
  readonly mmrLambda?: number;
  /** Rerank depth and cut-off; used only when the retriever has a reranker. */
  readonly rerank?: { readonly depth?: number; readonly minScore?: number };
  /** Only these rows may be returned (metadata filters, resolved before ranking). */
  readonly allowed?: ReadonlySet<number>;
  /**
   * Search each part of a question that asks several things (see `splitQuestion`) on its own too, its own terms in
   * front and the whole question behind (`focusRanking`), and interleave the parts' lexical lists with the whole
   * question's (`interleaveRankings`), so each part's best passage reaches the top. Default off here; the app turns it
   * on (`retrieval.decompose`).
   */
  readonly decompose?: boolean;
  /** At most this many passages of one document before every other document had its turn (see `limitPerDocument`); absent: off. */
  readonly maxPerDocument?: number;
  readonly signal?: AbortSignal;
}
