import type { Embedder } from '../core/embedder.js';
import type { Analyzer, LexicalIndex, LexicalQuery } from '../core/lexical-index.js';
import type { Reranker } from '../core/reranker.js';
import type { VectorIndex } from '../core/vector-index.js';

/** Dense retrieval: an embedder for the query and an index over the chunks' vectors. */
export interface DenseRetriever {
  readonly embedder: Embedder;
  readonly index: VectorIndex;
  /** Stored vectors of the given rows (for filtered exact search and MMR). */
  readonly vectorsOf: (rows: readonly number[]) => Map<number, Float32Array>;
}

/** The retrievers that rank candidate rows (see `rankCandidateRows`). */
export interface CandidateRetriever {
  readonly analyzer: Analyzer;
  readonly lexical: LexicalIndex;
  /** Absent: lexical only. */
  readonly dense?: DenseRetriever;
  /** Absent: no reranking. */
  readonly reranker?: Reranker;
  /** Rewrites the analyzed query before lexical search (pseudo-relevance feedback); absent: the terms as they are. */
  readonly expandQuery?: (terms: readonly string[]) => LexicalQuery;
}

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
   * Search each part of a question that names several things (see `splitQuestion`) on its own too, and fuse the
   * parts' lexical lists with the whole question's (RRF, the whole question weighing `wholeQuestionWeight` in `rankCandidateRows`).
   * Default off.
   */
  readonly decompose?: boolean;
  /** At most this many passages of one document before every other document had its turn (see `limitPerDocument`); absent: off. */
  readonly maxPerDocument?: number;
  readonly signal?: AbortSignal;
}

/** How many candidates of each retriever the retrieval signals keep. */
export const signalDepth = 10;
