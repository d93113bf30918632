import { CHUNK_DEPTH, type Retriever } from './hit.js';
import type { Corpus } from './load-corpus.js';
import { queryCounts } from './query-counts.js';

/** BM25 through the product's index, the experiment's baseline. */
export const bm25Retriever = (corpus: Corpus): Retriever => (query) => corpus.index.search(queryCounts(corpus.analyzer, query), CHUNK_DEPTH);
