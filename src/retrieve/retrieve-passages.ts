import type { ScoredChunk } from '../core/document.js';
import type { Embedder } from '../core/embedder.js';
import type { Analyzer, LexicalIndex, LexicalQuery } from '../core/lexical-index.js';
import type { Reranker } from '../core/reranker.js';
import type { ChunkReader } from '../core/store/chunk-reader.js';
import { embeddingText } from '../core/text/embedding-text.js';
import type { VectorIndex } from '../core/vector-index.js';
import { limitPerDocument } from './diversify/limit-per-document.js';
import { maximalMarginalRelevance } from './diversify/maximal-marginal-relevance.js';
import { focusQuery } from './focus-query.js';
import { defaultWholeWeight, focusRanking } from './focus-ranking.js';
import { interleaveRankings } from './fuse/interleave-rankings.js';
import { reciprocalRankFusion } from './fuse/reciprocal-rank-fusion.js';
import type { RowHit } from './fuse/row-hit.js';
import { weightedScoreFusion } from './fuse/weighted-score-fusion.js';
import { rerankHits } from './rerank/rerank-hits.js';
import { splitQuestion } from './split-question.js';

/** Dense retrieval: an embedder for the query and an index over the chunks' vectors. */
export interface DenseRetriever {
  readonly embedder: Embedder;
  readonly index: VectorIndex;
  /** Stored vectors of the given rows (for filtered exact search and MMR). */
  readonly vectorsOf: (rows: readonly number[]) => Promise<Map<number, Float32Array>>;
}

/** What {@link retrievePassages} reads from. */
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

/** Passages and where the time went. */
export interface RetrievedPassages {
  readonly results: ScoredChunk[];
  readonly signals: RetrievalSignals;
  readonly timings: { readonly lexicalMs: number; readonly embedMs: number; readonly vectorMs: number; readonly rerankMs: number };
}

/**
 * Up to this many allowed rows, a filtered dense search over an approximate index reads the allowed rows' vectors
 * and scans them exactly (~1 ms per 1,000 rows read from the store, and exact); above it, the approximate index
 * oversamples until it has `k` allowed rows (measured recall@10 0.95 at 10% selectivity, see bench/vector-search.ts).
 */
const exactFilterLimit = 2_000;

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

/** Dense scores of the best candidates and how far the two retrievers agree on their top rows. */
function denseSignalsOf(lexicalHits: readonly RowHit[], vectorHits: readonly RowHit[]): Pick<RetrievalSignals, 'denseScores' | 'agreement'> {
  const lexicalTop = new Set(lexicalHits.slice(0, signalDepth).map((hit) => hit.row));
  const denseTop = vectorHits.slice(0, signalDepth);
  const shared = denseTop.filter((hit) => lexicalTop.has(hit.row)).length;
  const depth = Math.min(signalDepth, Math.max(lexicalTop.size, denseTop.length));
  return { denseScores: denseTop.map((hit) => hit.score), agreement: depth === 0 ? 0 : shared / depth };
}

/** Dense candidates, filtered before ranking: exact over the allowed rows when they are few, else the index. */
async function searchDense(dense: DenseRetriever, vector: Float32Array, k: number, allowed: ReadonlySet<number> | undefined): Promise<RowHit[]> {
  if (allowed === undefined) return dense.index.search(vector, k);
  if (dense.index.kind === 'exact' || allowed.size > exactFilterLimit) {
    // The exact index applies the filter during its scan; the approximate one oversamples.
    return dense.index.search(vector, k, { accept: (row) => allowed.has(row) });
  }
  const hits: RowHit[] = [];
  for (const [row, stored] of await dense.vectorsOf([...allowed])) hits.push({ row, score: dot(vector, stored) });
  return hits.sort((left, right) => right.score - left.score || left.row - right.row).slice(0, k);
}

/** Pairwise similarity for MMR: cosine of stored vectors when dense retrieval is on, else of analyzed term counts. */
async function similarityOf(
  retriever: PassageRetriever,
  hits: readonly RowHit[],
  chunks: ReadonlyMap<number, { readonly text: string }>,
): Promise<(left: number, right: number) => number | undefined> {
  const rows = hits.map((hit) => hit.row);
  if (retriever.dense !== undefined) {
    const vectors = await retriever.dense.vectorsOf(rows);
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
