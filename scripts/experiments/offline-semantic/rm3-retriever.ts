import { expandQueryRm3, type Rm3Params } from './expand-query/expand-query-rm3.js';
import { CHUNK_DEPTH, type Retriever } from './hit.js';
import type { Corpus } from './load-corpus.js';
import { queryCounts } from './query-counts.js';

/** BM25 with RM3 pseudo-relevance feedback: the query expanded from its first results, then searched again. */
export function rm3Retriever(corpus: Corpus, params: Rm3Params): Retriever {
  const feedbackDocs = params.feedbackDocs ?? 10;
  return (query) => {
    const queryTerms = corpus.analyzer.terms(query);
    const first = corpus.index.search(queryCounts(corpus.analyzer, query), feedbackDocs);
    const feedback = first.map((hit) => ({ terms: corpus.terms.get(hit.row) ?? new Map<string, number>(), score: hit.score }));
    return corpus.index.search(expandQueryRm3(queryTerms, feedback, corpus.collection, params), CHUNK_DEPTH);
  };
}
