import type { ScoredChunk } from '../core/document.js';
import { embeddingText } from '../core/text/embedding-text.js';
import { limitPerDocument } from './diversify/limit-per-document.js';
import { maximalMarginalRelevance } from './diversify/maximal-marginal-relevance.js';
import { similarityOf } from './diversify/similarity-of.js';
import type { PassageRetriever } from './passage-retriever.js';
import { rankCandidateRows } from './rank-candidate-rows.js';
import type { RetrievalPlan } from './retrieval-plan.js';
import { rerankHits } from './rerank/rerank-hits.js';
import { signalDepth, type RetrievalSignals } from './retrieval-signals.js';

/** Passages and where the time went. */
export interface RetrievedPassages {
  readonly results: ScoredChunk[];
  readonly signals: RetrievalSignals;
  readonly timings: { readonly lexicalMs: number; readonly embedMs: number; readonly vectorMs: number; readonly rerankMs: number };
}

/**
 * Retrieval: lexical candidates (BM25, optionally expanded), dense candidates when configured, fused (RRF by default),
 * reranked by a cross-encoder when configured, diversified by MMR when asked, then the best `k` chunks. Filters apply
 * before each retriever ranks, so `k` allowed passages come back whenever they exist.
 *
 * @example
 * const { results } = await retrievePassages(retriever, 'how do I enable gzip?', { k: 10 });
 */
export async function retrievePassages(retriever: PassageRetriever, query: string, plan: RetrievalPlan): Promise<RetrievedPassages> {
  const { lexicalHits, pool, poolSize, denseSignals, lexicalMs, embedMs, vectorMs } = await rankCandidateRows(retriever, query, plan);
  // Chunks are read from the store only for the rows that can still reach the top k.
  const chunks = await retriever.chunks.byRows(pool.map((hit) => hit.row));
  let ranked = pool.filter((hit) => chunks.has(hit.row));
  let rerankMs = 0;
  if (retriever.reranker !== undefined) {
    const rerankStarted = performance.now();
    const chunkOf = (row: number) => chunks.get(row);
    ranked = await rerankHits(ranked, {
      reranker: retriever.reranker,
      query,
      textOf: (row) => {
        const chunk = chunkOf(row);
        return chunk === undefined ? undefined : embeddingText(chunk);
      },
      ...(plan.rerank?.depth === undefined ? {} : { depth: plan.rerank.depth }),
      ...(plan.rerank?.minScore === undefined ? {} : { minScore: plan.rerank.minScore }),
      ...(plan.signal === undefined ? {} : { signal: plan.signal }),
    });
    rerankMs = performance.now() - rerankStarted;
  }
  if (plan.mmrLambda !== undefined) {
    const head = ranked.slice(0, poolSize);
    const similarity = await similarityOf(retriever, head, chunks);
    ranked = maximalMarginalRelevance(head, { k: plan.k, lambda: plan.mmrLambda, similarity });
  }
  if (plan.maxPerDocument !== undefined) ranked = limitPerDocument(ranked, (row) => chunks.get(row)?.doc, plan.maxPerDocument);
  const results: ScoredChunk[] = [];
  for (const hit of ranked.slice(0, plan.k)) {
    const chunk = chunks.get(hit.row);
    if (chunk !== undefined) results.push({ chunk, score: hit.score, rank: results.length + 1 });
  }
  const signals: RetrievalSignals = {
    lexicalScores: lexicalHits.slice(0, signalDepth).map((hit) => hit.score),
    ...denseSignals,
    ...(retriever.reranker !== undefined && ranked[0] !== undefined ? { rerankScore: ranked[0].score } : {}),
  };
  return { results, signals, timings: { lexicalMs, embedMs, vectorMs, rerankMs } };
}
