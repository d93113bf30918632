import { retrievePassages, type RetrievedPassages } from '../../retrieve/retrieve-passages.js';
import type { SearchOptions } from './knowledge-base.js';
import type { KnowledgeBaseParts } from './knowledge-base-parts.js';
import { planRetrieval } from './plan-retrieval.js';

/**
 * Retrieves passages under a preset from the indexes of the store's current generation (read once, at the start of
 * the call: a sync committed meanwhile shows at the next call). Throws `KB_NOT_FOUND` for a knowledge base never synced.
 *
 * @example
 * const { results, signals } = await retrieveForQuery(parts, 'how do I rotate keys?', { k: 5 });
 */
export async function retrieveForQuery(parts: KnowledgeBaseParts, query: string, options: SearchOptions = {}): Promise<RetrievedPassages & { readonly generation: number }> {
  const { retriever, plan, generation } = await planRetrieval(parts, options);
  return { ...(await retrievePassages(retriever, query, plan)), generation };
}
