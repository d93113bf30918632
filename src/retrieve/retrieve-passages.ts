import type { ScoredChunk } from '../core/document.js';
import { embeddingText } from '../core/text/embedding-text.js';
import { denseSignalsOf } from './dense-signals-of.js';
import { searchDense } from './dense/search-dense.js';
import { limitPerDocument } from './diversify/limit-per-document.js';
import { maximalMarginalRelevance } from './diversify/maximal-marginal-relevance.js';
import { similarityOf } from './diversify/similarity-of.js';
import { focusQuery } from './focus-query.js';
import { defaultWholeWeight, focusRanking } from './focus-ranking.js';
import { interleaveRankings } from './fuse/interleave-rankings.js';
import { reciprocalRankFusion } from './fuse/reciprocal-rank-fusion.js';
import type { RowHit } from './fuse/row-hit.js';
import { weightedScoreFusion } from './fuse/weighted-score-fusion.js';
import type { PassageRetriever } from './passage-retriever.js';
import { rerankHits } from './rerank/rerank-hits.js';
import { signalDepth, type RetrievalSignals } from './retrieval-signals.js';
import { splitQuestion } from './split-question.js';

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

/** Passages and where the time went. */
export interface RetrievedPassages {
  readonly results: ScoredChunk[];
  readonly signals: RetrievalSignals;
  readonly timings: { readonly lexicalMs: number; readonly embedMs: number; readonly vectorMs: number; readonly rerankMs: number };
}

/**
 * How deep the whole question's lexical list is read when a question is split: a part's ranking adds a share of the
 * whole question's score, and a row below this depth gets none of it. Measured: at 100 the golden sets lose two evidence
 * spans against the exact weighted search, at 1,000 they match it; the postings walked are the same, only the top-k
 * selection grows.
 */
const wholeDepthForParts = 1_000;

/**
 * Retrieval: lexical candidates (BM25, optionally expanded), dense candidates when configured, fused (RRF by default),
 * reranked by a cross-encoder when configured, diversified by MMR when asked, then the best `k` chunks. Filters apply
 * before each retriever ranks, so `k` allowed passages come back whenever they exist.
 *
 * @example
 * const { results } = await retrievePassages(retriever, 'how do I enable gzip?', { k: 10 });
 */
export async function retrievePassages(retriever: PassageRetriever, query: string, plan: RetrievalPlan): Promise<RetrievedPassages> {
  const { allowed } = plan;
  // Lexical search alone with nothing after it needs only k; fusion, reranking and MMR need room to reorder.
  const parts = plan.decompose === true ? splitQuestion(query) : [];
  const reorders = retriever.dense !== undefined || retriever.reranker !== undefined || plan.mmrLambda !== undefined || parts.length > 0;
  // Per-document diversity reorders the head of the list only: three times k is room enough for it.
  const diverseDepth = plan.maxPerDocument === undefined ? plan.k : plan.k * 3;
  const candidates = reorders ? Math.max(diverseDepth, plan.candidates ?? 100) : diverseDepth;
  const accept = allowed === undefined ? undefined : (row: number): boolean => allowed.has(row);
  const filter = accept === undefined ? {} : { accept };
  let mark = performance.now();
  const lap = (): number => {
    const now = performance.now();
    const spent = now - mark;
    mark = now;
    return spent;
  };

  const terms = retriever.analyzer.terms(query);
  const lexicalQuery = retriever.expandQuery === undefined ? terms : retriever.expandQuery(terms);
  // The parts' rankings add a share of the whole question's score, so they read it deeper than the candidates.
  const wholeHits = retriever.lexical.search(lexicalQuery, parts.length > 0 ? Math.max(candidates, wholeDepthForParts) : candidates, filter);
  const lexicalHits: RowHit[] = wholeHits.length > candidates ? wholeHits.slice(0, candidates) : wholeHits;
  let fused = lexicalHits;
  if (parts.length > 0) {
    // Each part ranked with the whole question behind it, then one passage per list per round, parts first: the whole
    // question's best passage usually answers one part already, its second seldom the other.
    const partHits = parts.map((part) => {
      const partQuery = focusQuery(terms, retriever.analyzer.terms(part), defaultWholeWeight);
      return focusRanking(wholeHits, retriever.lexical.search(partQuery, candidates, filter), defaultWholeWeight).slice(0, candidates);
    });
    fused = interleaveRankings([...partHits, lexicalHits]);
  }
  const lexicalMs = lap();

  let embedMs = 0;
  let vectorMs = 0;
  let denseSignals: Pick<RetrievalSignals, 'denseScores' | 'agreement'> = {};
  const { dense } = retriever;
  if (dense !== undefined) {
    const [vector] = await dense.embedder.embed([query], { kind: 'query', ...(plan.signal === undefined ? {} : { signal: plan.signal }) });
    embedMs = lap();
    const vectorHits = vector === undefined ? [] : await searchDense(dense, vector, candidates, allowed);
    vectorMs = lap();
    denseSignals = denseSignalsOf(lexicalHits, vectorHits);
    const fusion = plan.fusion ?? { method: 'rrf' };
    fused =
      fusion.method === 'rrf'
        ? reciprocalRankFusion([fused, vectorHits], fusion.k === undefined ? {} : { k: fusion.k })
        : weightedScoreFusion([fused, vectorHits], { weights: [1 - fusion.semanticWeight, fusion.semanticWeight] });
  }

  // Chunks are read from the store only for the rows that can still reach the top k.
  const poolSize =
    retriever.reranker !== undefined ? Math.max(diverseDepth, plan.rerank?.depth ?? 50) : plan.mmrLambda !== undefined ? Math.max(plan.k * 4, 20, diverseDepth) : diverseDepth;
  const pool = fused.slice(0, poolSize);
  const chunks = await retriever.chunks.byRows(pool.map((hit) => hit.row));
  let ranked = pool.filter((hit) => chunks.has(hit.row));
  lap();
  let rerankMs = 0;
  if (retriever.reranker !== undefined) {
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
    rerankMs = lap();
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
