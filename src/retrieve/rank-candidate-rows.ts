import { denseSignalsOf } from './dense-signals-of.js';
import { searchDense } from './dense/search-dense.js';
import { focusQuery } from './focus-query.js';
import { defaultWholeWeight, focusRanking } from './focus-ranking.js';
import { interleaveRankings } from './fuse/interleave-rankings.js';
import { reciprocalRankFusion } from './fuse/reciprocal-rank-fusion.js';
import type { RowHit } from './fuse/row-hit.js';
import { weightedScoreFusion } from './fuse/weighted-score-fusion.js';
import type { PassageRetriever } from './passage-retriever.js';
import type { RetrievalPlan } from './retrieval-plan.js';
import type { RetrievalSignals } from './retrieval-signals.js';
import { splitQuestion } from './split-question.js';

/** The ranked candidate rows of one query, before any chunk is read. */
export interface CandidateRows {
  /** The lexical list of the whole question (for the signals). */
  readonly lexicalHits: readonly RowHit[];
  /** The fused rows that can still reach the top k (reranking and MMR read deeper than k). */
  readonly pool: readonly RowHit[];
  readonly poolSize: number;
  readonly denseSignals: Pick<RetrievalSignals, 'denseScores' | 'agreement'>;
  readonly lexicalMs: number;
  readonly embedMs: number;
  readonly vectorMs: number;
}

/**
 * How deep the whole question's lexical list is read when a question is split: a part's ranking adds a share of the
 * whole question's score, and a row below this depth gets none of it. Measured: at 100 the golden sets lose two evidence
 * spans against the exact weighted search, at 1,000 they match it; the postings walked are the same, only the top-k
 * selection grows.
 */
const wholeDepthForParts = 1_000;

/**
 * The first stage of retrieval, which reads no chunk: lexical candidates (BM25, optionally expanded; a question asking
 * several things also ranks each part and interleaves them), dense candidates when configured, fused (RRF by default),
 * cut to the pool that can still reach the top `k`. Filters apply before each retriever ranks.
 *
 * @example
 * const { pool } = await rankCandidateRows(retriever, 'how do I enable gzip?', { k: 10 });
 */
export async function rankCandidateRows(retriever: PassageRetriever, query: string, plan: RetrievalPlan): Promise<CandidateRows> {
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

  // Only the rows that can still reach the top k go on: their chunks are what a caller reads.
  const poolSize =
    retriever.reranker !== undefined ? Math.max(diverseDepth, plan.rerank?.depth ?? 50) : plan.mmrLambda !== undefined ? Math.max(plan.k * 4, 20, diverseDepth) : diverseDepth;
  const pool = fused.slice(0, poolSize);
  return { lexicalHits, pool, poolSize, denseSignals, lexicalMs, embedMs, vectorMs };
}
