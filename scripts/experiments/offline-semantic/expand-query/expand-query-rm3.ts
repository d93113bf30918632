/** A retrieved chunk used as pseudo-relevance feedback: its analyzed terms (body and title merged) and its score. */
export interface FeedbackChunk {
  /** Analyzed term -> count in the chunk. */
  readonly terms: ReadonlyMap<string, number>;
  /** The first-pass retrieval score (BM25), used as the chunk's weight, as Anserini does. */
  readonly score: number;
}

/**
 * Parameters of {@link expandQueryRm3}. Defaults are Anserini's (`-rm3`: fbDocs 10, fbTerms 10,
 * originalQueryWeight 0.5, df filter 0.1; Abdul-Jaleel et al. 2004, Lin et al. SIGIR 2019 "The Neural Hype").
 */
export interface Rm3Params {
  /** Feedback chunks read from the top of the first-pass ranking. Default 10; sensible range 3–30. */
  readonly feedbackDocs?: number;
  /**
   * Terms kept per feedback chunk and in the relevance model. Default 10; sensible range 5–50 (more terms drift
   * further from the query).
   */
  readonly feedbackTerms?: number;
  /** Weight of the original query in the interpolation, in [0, 1]. Default 0.5; 1 is no expansion. */
  readonly originalQueryWeight?: number;
  /**
   * Feedback terms held by more than this fraction of chunks are dropped (collection-specific stop words hurt
   * RM3; Anserini PR #289). Default 0.1; in (0, 1].
   */
  readonly maxDocumentFrequencyRatio?: number;
}

/** What {@link expandQueryRm3} needs to know of the collection. */
export interface Rm3Collection {
  /** Number of indexed chunks. */
  readonly size: number;
  /** Chunks holding the term. */
  documentFrequency(term: string): number;
}

// Anserini keeps feedback terms of 2 to 20 characters made of [a-z0-9]; letters of any script are allowed here,
// so that non-English corpora still get feedback terms.
const FEEDBACK_TERM = /^[\p{L}\p{N}]{2,20}$/u;

function clamp(value: number | undefined, fallback: number, min: number, max: number): number {
  return value !== undefined && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

/** The `size` largest entries by value; equal values keep the smaller term (deterministic). */
function prune(vector: ReadonlyMap<string, number>, size: number): [string, number][] {
  return [...vector]
    .sort((left, right) => right[1] - left[1] || (left[0] < right[0] ? -1 : left[0] > right[0] ? 1 : 0))
    .slice(0, size);
}

/**
 * RM3 pseudo-relevance feedback (Anserini's `Rm3Reranker`): each feedback chunk's term counts, without rare-script,
 * too short/long and too common terms, pruned to its `feedbackTerms` most frequent, are L1-normalized and weighted
 * by the chunk's score; the summed relevance model is pruned to `feedbackTerms` terms, L1-normalized, and
 * interpolated with the L1-normalized original query:
 *
 *     weight(t) = α · qf(t) / |q|  +  (1 − α) · RM(t),   RM(t) ∝ Σ_d score(d) · tf(t, d) / |d|
 *
 * Returns analyzed term -> weight (the weights sum to 1), for a weighted BM25 search; an empty query gives an empty
 * map, and no usable feedback gives the normalized original query. Pure and deterministic.
 *
 * @example
 * const expanded = expandQueryRm3(analyzer.terms(question), top10.map((hit) => ({ terms, score: hit.score })), searcher);
 * searcher.search(expanded, 100);
 */
export function expandQueryRm3(
  queryTerms: readonly string[],
  feedback: readonly FeedbackChunk[],
  collection: Rm3Collection,
  params: Rm3Params = {},
): Map<string, number> {
  const feedbackDocs = Math.floor(clamp(params.feedbackDocs, 10, 0, Number.MAX_SAFE_INTEGER));
  const feedbackTerms = Math.floor(clamp(params.feedbackTerms, 10, 1, Number.MAX_SAFE_INTEGER));
  const alpha = clamp(params.originalQueryWeight, 0.5, 0, 1);
  const maxRatio = clamp(params.maxDocumentFrequencyRatio, 0.1, 0, 1);
  const expanded = new Map<string, number>();
  if (queryTerms.length === 0) return expanded;
  const ratioCache = new Map<string, boolean>();
  const usable = (term: string): boolean => {
    let keep = ratioCache.get(term);
    if (keep === undefined) {
      keep = FEEDBACK_TERM.test(term) && collection.size > 0 && collection.documentFrequency(term) / collection.size <= maxRatio;
      ratioCache.set(term, keep);
    }
    return keep;
  };
  const relevance = new Map<string, number>();
  for (const chunk of feedback.slice(0, feedbackDocs)) {
    const vector = new Map<string, number>();
    for (const [term, count] of chunk.terms) if (count > 0 && usable(term)) vector.set(term, count);
    const kept = prune(vector, feedbackTerms);
    const norm = kept.reduce((sum, [, count]) => sum + count, 0);
    // Anserini skips near-empty vectors rather than divide by ~0.
    if (norm <= 0.001 || !Number.isFinite(chunk.score)) continue;
    for (const [term, count] of kept) relevance.set(term, (relevance.get(term) ?? 0) + (count / norm) * chunk.score);
  }
  const model = prune(relevance, feedbackTerms);
  const modelNorm = model.reduce((sum, [, weight]) => sum + weight, 0);
  const queryWeight = modelNorm > 0 ? alpha : 1;
  for (const term of queryTerms) expanded.set(term, (expanded.get(term) ?? 0) + queryWeight / queryTerms.length);
  if (modelNorm > 0 && alpha < 1) {
    for (const [term, weight] of model) expanded.set(term, (expanded.get(term) ?? 0) + ((1 - alpha) * weight) / modelNorm);
  }
  return expanded;
}
