import { retrieveDocuments } from '../../retrieve/retrieve-documents.js';
import type { SearchDocumentsOptions } from './knowledge-base.js';
import type { KnowledgeBaseParts } from './knowledge-base-parts.js';
import { planRetrieval } from './plan-retrieval.js';

/**
 * The `k` best document keys (default `retrieval.k`), each ranked by its best chunk among the `depth` best chunks
 * (default `3 * k`). Rows map to documents in memory, read once per generation, so no chunk is read per query unless a
 * reranker or MMR needs the texts (what `eval beir` runs per query).
 *
 * @example
 * const keys = await searchDocuments(parts, 'gzip compression level', { k: 100, depth: 300 });
 */
export async function searchDocuments(parts: KnowledgeBaseParts, query: string, options: SearchDocumentsOptions = {}): Promise<string[]> {
  const documents = options.k ?? parts.config.retrieval.k;
  const { retriever, plan, generation } = await planRetrieval(parts, { ...options, k: options.depth ?? documents * 3 });
  return retrieveDocuments(retriever, query, plan, documents, await parts.rowDocuments(generation));
}
