import { limitPerDocument } from './diversify/limit-per-document.js';
import type { PassageRetriever } from './passage-retriever.js';
import { rankCandidateRows } from './rank-candidate-rows.js';
import { rankDocumentRows } from './rank-document-rows.js';
import { rankDocuments } from './rank-documents.js';
import type { RetrievalPlan } from './retrieval-plan.js';
import { retrievePassages } from './retrieve-passages.js';

/**
 * Document-level retrieval: the best `documents` document keys, each ranked by its best chunk among the top `plan.k`
 * chunks (max pooling). Exactly the keys `rankDocuments(retrievePassages(...).results, documents)` gives, but without
 * reading a chunk from the store when nothing needs their text: rows become document keys through `documentOf`
 * (`mapRowsToDocuments`, read once per generation). A reranker or MMR reads the texts, so they take the chunk path.
 *
 * @example
 * const keys = await retrieveDocuments(retriever, 'gzip', { k: 300 }, 100, mapRowsToDocuments(documentRows));
 */
export async function retrieveDocuments(
  retriever: PassageRetriever,
  query: string,
  plan: RetrievalPlan,
  documents: number,
  documentOf: ReadonlyMap<number, string>,
): Promise<string[]> {
  if (retriever.reranker !== undefined || plan.mmrLambda !== undefined) {
    return rankDocuments((await retrievePassages(retriever, query, plan)).results, documents);
  }
  const { pool } = await rankCandidateRows(retriever, query, plan);
  // The same steps as retrievePassages without a reranker or MMR: rows that still exist, diversity, the top k.
  let ranked = pool.filter((hit) => documentOf.has(hit.row));
  if (plan.maxPerDocument !== undefined) ranked = limitPerDocument(ranked, (row) => documentOf.get(row), plan.maxPerDocument);
  return rankDocumentRows(ranked.slice(0, plan.k), documentOf, documents);
}
