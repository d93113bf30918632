import { resolveEvidence } from '../../../src/eval/datasets/resolve-evidence.js';
import { ndcgAtK } from '../../../src/eval/metrics/ndcg-at-k.js';
import { spanRetrievalScores } from '../../../src/eval/metrics/span-retrieval-scores.js';
import { rankDocuments } from '../../../src/retrieve/rank-documents.js';
import type { Retriever } from './hit.js';
import type { Corpus } from './load-corpus.js';
import { round } from './round.js';
import { toScored } from './to-scored.js';

/** An answerable golden case: the question and its sources. */
export interface GoldenQuery {
  readonly question: string;
  readonly sources: readonly { readonly doc: string; readonly quote?: string }[];
}

/**
 * Two readings of the golden set: `docRecallAt5` / `docNdcgAt10` (a source document among the top-5 chunks' docs;
 * docs ranked by best chunk), and `spanRecallAt5` / `spanNdcgAt10`, the product's `eval run` definitions (a chunk
 * counts when it overlaps the source quote's span; synthesis cases need every source; docs/evaluation.md), over the
 * top 10 chunks as `eval run` retrieves.
 */
export function scoreGolden(corpus: Corpus, cases: readonly GoldenQuery[], retrieve: Retriever) {
  const sums = { docRecallAt5: 0, docNdcgAt10: 0, spanRecallAt5: 0, spanNdcgAt10: 0 };
  const started = performance.now();
  for (const golden of cases) {
    const scored = toScored(corpus, retrieve(golden.question));
    const docs = new Set(golden.sources.map((source) => source.doc));
    if (scored.slice(0, 5).some((hit) => docs.has(hit.chunk.doc))) sums.docRecallAt5 += 1;
    sums.docNdcgAt10 += ndcgAtK(rankDocuments(scored, 10), new Map([...docs].map((doc) => [doc, 1])), 10);
    const evidence = golden.sources.flatMap((source) => {
      const span = resolveEvidence(source, corpus.documentText(source.doc) ?? '');
      return span === undefined ? [] : [{ doc: source.doc, ...span }];
    });
    const spans = spanRetrievalScores(scored.slice(0, 10).map((hit) => ({ doc: hit.chunk.doc, start: hit.chunk.start, end: hit.chunk.end })), evidence);
    sums.spanRecallAt5 += spans.recallAt5;
    sums.spanNdcgAt10 += spans.ndcgAt10;
  }
  const count = cases.length;
  return {
    docRecallAt5: round(sums.docRecallAt5 / count),
    spanRecallAt5: round(sums.spanRecallAt5 / count),
    docNdcgAt10: round(sums.docNdcgAt10 / count),
    spanNdcgAt10: round(sums.spanNdcgAt10 / count),
    queryMs: round((performance.now() - started) / count),
  };
}
