import { mrrAtK } from './metrics/mrr-at-k.js';
import { ndcgAtK } from './metrics/ndcg-at-k.js';
import { percentile } from './metrics/percentile.js';
import { recallAtK } from './metrics/recall-at-k.js';

/** Averaged retrieval figures over judged queries (BEIR conventions). */
export interface RankedRetrievalScores {
  readonly queries: number;
  readonly ndcgAt10: number;
  readonly mrrAt10: number;
  readonly recallAt10: number;
  readonly recallAt100: number;
  readonly queryP50Ms: number;
  readonly queryP95Ms: number;
}

/**
 * Runs every judged query through `retrieve` (document ids, best first) and averages nDCG@10, MRR@10, recall@10 and
 * recall@100 over the queries, with per-query latency percentiles. Deterministic for a deterministic retriever.
 *
 * @example
 * const scores = scoreRankedRetrieval(split.queries, split.qrels, (text) => searchDocs(text, 100));
 */
export async function scoreRankedRetrieval(
  queries: ReadonlyMap<string, string>,
  qrels: ReadonlyMap<string, ReadonlyMap<string, number>>,
  retrieve: (text: string) => Promise<readonly string[]> | readonly string[],
  now: () => number = () => performance.now(),
): Promise<RankedRetrievalScores> {
  const sums = { ndcgAt10: 0, mrrAt10: 0, recallAt10: 0, recallAt100: 0 };
  const latencies: number[] = [];
  for (const [id, relevance] of qrels) {
    const text = queries.get(id) ?? '';
    const started = now();
    const ranked = await retrieve(text);
    latencies.push(now() - started);
    sums.ndcgAt10 += ndcgAtK(ranked, relevance, 10);
    sums.mrrAt10 += mrrAtK(ranked, relevance, 10);
    sums.recallAt10 += recallAtK(ranked, relevance, 10);
    sums.recallAt100 += recallAtK(ranked, relevance, 100);
  }
  const count = Math.max(qrels.size, 1);
  return {
    queries: qrels.size,
    ndcgAt10: sums.ndcgAt10 / count,
    mrrAt10: sums.mrrAt10 / count,
    recallAt10: sums.recallAt10 / count,
    recallAt100: sums.recallAt100 / count,
    queryP50Ms: percentile(latencies, 50),
    queryP95Ms: percentile(latencies, 95),
  };
}
