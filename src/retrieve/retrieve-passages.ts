import type { ScoredChunk } from '../core/document.js';
import type { Store } from '../core/store.js';
import { embeddingText } from '../core/text/embedding-text.js';
import { limitPerDocument } from './diversify/limit-per-document.js';
import { maximalMarginalRelevance } from './diversify/maximal-marginal-relevance.js';
import type { RowHit } from './fuse/row-hit.js';
import { rankCandidateRows } from './rank-candidate-rows.js';
import { signalDepth, type CandidateRetriever, type DenseRetriever, type FusionMethod, type RetrievalPlan } from './retrieval-plan.js';
import { rerankHits } from './rerank/rerank-hits.js';

/** What {@link retrievePassages} reads from: the candidate retrievers and the store holding the chunks. */
export interface PassageRetriever extends CandidateRetriever {
  readonly store: Store;
  readonly kb: string;
}

export type { CandidateRetriever, DenseRetriever, FusionMethod, RetrievalPlan };
export { signalDepth };

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
  const chunks = retriever.store.chunksByRow(retriever.kb, pool.map((hit) => hit.row));
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
    const similarity = similarityOf(retriever, head, chunks);
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

/** Pairwise similarity for MMR: cosine of stored vectors when dense retrieval is on, else of analyzed term counts. */
function similarityOf(
  retriever: PassageRetriever,
  hits: readonly RowHit[],
  chunks: ReadonlyMap<number, { readonly text: string }>,
): (left: number, right: number) => number | undefined {
  const rows = hits.map((hit) => hit.row);
  if (retriever.dense !== undefined) {
    const vectors = retriever.dense.vectorsOf(rows);
    return (left, right) => {
      const a = vectors.get(left);
      const b = vectors.get(right);
      return a === undefined || b === undefined ? undefined : dot(a, b);
    };
  }
  const termVectors = new Map<number, Map<string, number>>();
  for (const row of rows) {
    const counts = new Map<string, number>();
    for (const term of retriever.analyzer.terms(chunks.get(row)?.text ?? '')) counts.set(term, (counts.get(term) ?? 0) + 1);
    termVectors.set(row, counts);
  }
  return (left, right) => {
    const a = termVectors.get(left);
    const b = termVectors.get(right);
    if (a === undefined || b === undefined) return undefined;
    let product = 0;
    let normA = 0;
    let normB = 0;
    for (const [term, count] of a) {
      normA += count * count;
      product += count * (b.get(term) ?? 0);
    }
    for (const count of b.values()) normB += count * count;
    return normA === 0 || normB === 0 ? 0 : product / Math.sqrt(normA * normB);
  };
}

function dot(left: Float32Array, right: Float32Array): number {
  let sum = 0;
  for (let index = 0; index < left.length; index++) sum += (left[index] ?? 0) * (right[index] ?? 0);
  return sum;
}
