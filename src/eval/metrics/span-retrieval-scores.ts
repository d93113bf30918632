import type { EvidenceSpan } from '../../core/golden-case.js';
import { mrrAtK } from './mrr-at-k.js';
import { ndcgAtK } from './ndcg-at-k.js';
import { spansOverlap } from './spans-overlap.js';

/** Retrieval scores of one case on document spans; `relevant[i]` says whether `retrieved[i]` overlaps evidence. */
export interface SpanRetrievalScores {
  readonly recallAt1: number;
  readonly recallAt5: number;
  readonly recallAt10: number;
  readonly mrrAt10: number;
  readonly ndcgAt10: number;
  readonly relevant: boolean[];
}

/**
 * Scores a ranked list of retrieved chunks against a case's evidence spans, so that scores survive re-chunking.
 *
 * Definitions (a chunk is *relevant* when it overlaps any evidence span, see {@link spansOverlap}; ranks from 1 in
 * list order):
 * - recall@k: the share of evidence spans overlapped by at least one chunk among the first k (0 or 1 for a single
 *   source; for synthesis, the share of its sources found).
 * - MRR@10: 1 / rank of the first relevant chunk within the first 10, else 0.
 * - nDCG@10: binary gains over chunks, where a chunk's gain is 1 only when it overlaps an evidence span that no
 *   earlier chunk overlapped (so ten chunks of one source count once); DCG = sum of gain / log2(rank + 1) over ranks
 *   1..10; the ideal DCG puts min(10, number of evidence spans) gains of 1 at the top. Caveat: a chunk that covers
 *   two evidence spans at once gains 1, so such a case cannot reach 1.
 * With no evidence every score is 0 and no chunk is relevant (the caller skips unanswerable cases).
 *
 * @param retrieved chunks as spans, best first (extra fields such as `rank` are ignored)
 * @example
 * spanRetrievalScores(
 *   [{ doc: 'b.md', start: 0, end: 50 }, { doc: 'a.md', start: 100, end: 200 }],
 *   [{ doc: 'a.md', start: 150, end: 180 }],
 * ); // recallAt1 0, recallAt5 1, mrrAt10 0.5, ndcgAt10 1/log2(3) = 0.63, relevant [false, true]
 */
export function spanRetrievalScores(retrieved: readonly EvidenceSpan[], evidence: readonly EvidenceSpan[]): SpanRetrievalScores {
  const covers = retrieved.map((chunk) => evidence.flatMap((span, index) => (spansOverlap(chunk, span) ? [index] : [])));
  const relevant = covers.map((indices) => indices.length > 0);
  if (evidence.length === 0) return { recallAt1: 0, recallAt5: 0, recallAt10: 0, mrrAt10: 0, ndcgAt10: 0, relevant };
  const recallAt = (k: number): number => new Set(covers.slice(0, k).flat()).size / evidence.length;
  // The existing id-based metrics do the rank arithmetic: chunk i is id `i`; for nDCG only chunks that cover a new
  // evidence span are relevant, and never-retrieved placeholders pad the judged set to one per evidence span, so
  // the ideal is min(10, evidence spans) gains at the top.
  const ids = retrieved.map((_, index) => String(index));
  const anyRelevant = new Map(ids.filter((_, index) => relevant[index]).map((id) => [id, 1]));
  const newlyCovering = new Map<string, number>();
  const covered = new Set<number>();
  covers.forEach((indices, index) => {
    if (indices.some((spanIndex) => !covered.has(spanIndex))) newlyCovering.set(String(index), 1);
    for (const spanIndex of indices) covered.add(spanIndex);
  });
  for (let pad = newlyCovering.size; pad < evidence.length; pad++) newlyCovering.set(`unretrieved-${pad}`, 1);
  return {
    recallAt1: recallAt(1),
    recallAt5: recallAt(5),
    recallAt10: recallAt(10),
    mrrAt10: mrrAtK(ids, anyRelevant, 10),
    ndcgAt10: ndcgAtK(ids, newlyCovering, 10),
    relevant,
  };
}
