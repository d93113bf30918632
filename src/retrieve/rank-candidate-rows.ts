import type { RowHit } from './fuse/row-hit.js';
import { reciprocalRankFusion } from './fuse/reciprocal-rank-fusion.js';
import { weightedScoreFusion } from './fuse/weighted-score-fusion.js';
import { signalDepth, type CandidateRetriever, type DenseRetriever, type RetrievalPlan } from './retrieval-plan.js';
import { splitQuestion } from './split-question.js';

/** The fused candidate rows of one query, before any chunk is read, and where the time went. */
export interface RankedCandidateRows {
  /** The lexical list of the whole question, best first (its scores are retrieval signals). */
  readonly lexicalHits: readonly RowHit[];
  /** The fused rows that can still reach the top k, best first: the rows whose chunks the caller reads. */
  readonly pool: readonly RowHit[];
  /** How many rows the pool holds at most (reranking and MMR look this deep). */
  readonly poolSize: number;
  /** Dense scores of the best dense candidates and the retrievers' agreement; empty without dense retrieval. */
  readonly denseSignals: { readonly denseScores?: readonly number[]; readonly agreement?: number };
  readonly lexicalMs: number;
  readonly embedMs: number;
  readonly vectorMs: number;
}

/**
 * Up to this many allowed rows, a filtered dense search over an approximate index reads the allowed rows' vectors
 * and scans them exactly (~1 ms per 1,000 rows read from the store, and exact); above it, the approximate index
 * oversamples until it has `k` allowed rows (measured recall@10 0.95 at 10% selectivity, see bench/vector-search.ts).
 */
const exactFilterLimit = 2_000;

/**
 * Weight of the whole question's list when its parts are fused with it: the whole question stays the strongest
 * evidence of what is asked, the parts add the documents it would miss. Chosen, not fitted: 2 lets a passage found by
 * the whole question and one part outrank one found by a single part.
 */
const wholeQuestionWeight = 2;

/**
 * The first stage of retrieval, which reads no chunk: lexical candidates (BM25, optionally expanded, optionally per
 * question part), dense candidates when configured, fused (RRF by default), cut to the pool that reranking, MMR,
 * per-document diversity and the top `k` can still use. Filters apply before each retriever ranks.
 *
 * @example
 * const { pool } = await rankCandidateRows(retriever, 'how do I enable gzip?', { k: 10 });
 */
export async function rankCandidateRows(retriever: CandidateRetriever, query: string, plan: RetrievalPlan): Promise<RankedCandidateRows> {
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
  const lexicalHits: RowHit[] = retriever.lexical.search(lexicalQuery, candidates, filter);
  let fused = lexicalHits;
  if (parts.length > 0) {
    const partHits = parts.map((part) => retriever.lexical.search(retriever.analyzer.terms(part), candidates, filter));
    fused = reciprocalRankFusion([lexicalHits, ...partHits], { weights: [wholeQuestionWeight, ...parts.map(() => 1)] });
  }
  const lexicalMs = lap();

  let embedMs = 0;
  let vectorMs = 0;
  let denseSignals: RankedCandidateRows['denseSignals'] = {};
  const { dense } = retriever;
  if (dense !== undefined) {
    const [vector] = await dense.embedder.embed([query], { kind: 'query', ...(plan.signal === undefined ? {} : { signal: plan.signal }) });
    embedMs = lap();
    const vectorHits = vector === undefined ? [] : searchDense(dense, vector, candidates, allowed);
    vectorMs = lap();
    denseSignals = denseSignalsOf(lexicalHits, vectorHits);
    const fusion = plan.fusion ?? { method: 'rrf' };
    fused =
      fusion.method === 'rrf'
        ? reciprocalRankFusion([fused, vectorHits], fusion.k === undefined ? {} : { k: fusion.k })
        : weightedScoreFusion([fused, vectorHits], { weights: [1 - fusion.semanticWeight, fusion.semanticWeight] });
  }

  const poolSize =
    retriever.reranker !== undefined ? Math.max(diverseDepth, plan.rerank?.depth ?? 50) : plan.mmrLambda !== undefined ? Math.max(plan.k * 4, 20, diverseDepth) : diverseDepth;
  return { lexicalHits, pool: fused.slice(0, poolSize), poolSize, denseSignals, lexicalMs, embedMs, vectorMs };
}

/** Dense scores of the best candidates and how far the two retrievers agree on their top rows. */
function denseSignalsOf(lexicalHits: readonly RowHit[], vectorHits: readonly RowHit[]): RankedCandidateRows['denseSignals'] {
  const lexicalTop = new Set(lexicalHits.slice(0, signalDepth).map((hit) => hit.row));
  const denseTop = vectorHits.slice(0, signalDepth);
  const shared = denseTop.filter((hit) => lexicalTop.has(hit.row)).length;
  const depth = Math.min(signalDepth, Math.max(lexicalTop.size, denseTop.length));
  return { denseScores: denseTop.map((hit) => hit.score), agreement: depth === 0 ? 0 : shared / depth };
}

/** Dense candidates, filtered before ranking: exact over the allowed rows when they are few, else the index. */
function searchDense(dense: DenseRetriever, vector: Float32Array, k: number, allowed: ReadonlySet<number> | undefined): RowHit[] {
  if (allowed === undefined) return dense.index.search(vector, k);
  if (dense.index.kind === 'exact' || allowed.size > exactFilterLimit) {
    // The exact index applies the filter during its scan; the approximate one oversamples.
    return dense.index.search(vector, k, { accept: (row) => allowed.has(row) });
  }
  const hits: RowHit[] = [];
  for (const [row, stored] of dense.vectorsOf([...allowed])) hits.push({ row, score: dot(vector, stored) });
  return hits.sort((left, right) => right.score - left.score || left.row - right.row).slice(0, k);
}

function dot(left: Float32Array, right: Float32Array): number {
  let sum = 0;
  for (let index = 0; index < left.length; index++) sum += (left[index] ?? 0) * (right[index] ?? 0);
  return sum;
}
