import type { readBeirFolder } from '../../../src/eval/datasets/read-beir-folder.js';
import { ndcgAtK } from '../../../src/eval/metrics/ndcg-at-k.js';
import { recallAtK } from '../../../src/eval/metrics/recall-at-k.js';
import { rankDocuments } from '../../../src/retrieve/rank-documents.js';
import type { Retriever } from './hit.js';
import type { Corpus } from './load-corpus.js';
import { round } from './round.js';
import { toScored } from './to-scored.js';

/** SciFact: its test and train splits. */
export interface Beir {
  readonly corpusPath: string;
  readonly test: ReturnType<typeof readBeirFolder>;
  readonly train: ReturnType<typeof readBeirFolder>;
}

/** nDCG@10 and recall@100 of documents ranked by their best chunk, over a BEIR split's judged queries. */
export function scoreBeir(corpus: Corpus, split: Beir['test'], retrieve: Retriever) {
  const started = performance.now();
  let ndcg = 0;
  let recall = 0;
  for (const [id, relevance] of split.qrels) {
    const ranked = rankDocuments(toScored(corpus, retrieve(split.queries.get(id) ?? '')), 100);
    ndcg += ndcgAtK(ranked, relevance, 10);
    recall += recallAtK(ranked, relevance, 100);
  }
  const count = split.qrels.size;
  return { ndcgAt10: round(ndcg / count), recallAt100: round(recall / count), queryMs: round((performance.now() - started) / count) };
}
