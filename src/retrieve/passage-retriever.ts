import type { Embedder } from '../core/embedder.js';
import type { Analyzer, LexicalIndex, LexicalQuery } from '../core/lexical-index.js';
import type { Reranker } from '../core/reranker.js';
import type { ChunkReader } from '../core/store/chunk-reader.js';
import type { VectorIndex } from '../core/vector-index.js';

/** Dense retrieval: an embedder for the query and an index over the chunks' vectors. */
export interface DenseRetriever {
  readonly embedder: Embedder;
  readonly index: VectorIndex;
  /** Stored vectors of the given rows (for filtered exact search and MMR). */
  readonly vectorsOf: (rows: readonly number[]) => Promise<Map<number, Float32Array>>;
}

/** What `retrievePassages` reads from. */
export interface PassageRetriever {
  /** Where the passages of the ranked rows are read from, in one batched read per query. */
  readonly chunks: Pick<ChunkReader, 'byRows'>;
  readonly analyzer: Analyzer;
  readonly lexical: LexicalIndex;
  /** Absent: lexical only. */
  readonly dense?: DenseRetriever;
  /** Absent: no reranking. */
  readonly reranker?: Reranker;
  /** Rewrites the analyzed query before lexical search (pseudo-relevance feedback); absent: the terms as they are. */
  readonly expandQuery?: (terms: readonly string[]) => LexicalQuery;
}
