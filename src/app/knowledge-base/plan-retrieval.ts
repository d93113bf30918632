import type { PassageRetriever } from '../../retrieve/passage-retriever.js';
import type { FusionMethod, RetrievalPlan } from '../../retrieve/retrieval-plan.js';
import type { SearchOptions } from './knowledge-base.js';
import type { KnowledgeBaseParts } from './knowledge-base-parts.js';

/**
 * The retrievers and the plan of one query under a preset, from the indexes of the store's current generation (read
 * once, at the start of the call: a sync committed meanwhile shows at the next call). Throws `KB_NOT_FOUND` for a
 * knowledge base never synced.
 *
 * @example
 * const { retriever, plan } = await planRetrieval(parts, { k: 5 });
 */
export async function planRetrieval(
  parts: KnowledgeBaseParts,
  options: SearchOptions = {},
): Promise<{ readonly retriever: PassageRetriever; readonly plan: RetrievalPlan; readonly generation: number }> {
  const { config, store } = parts;
  const generation = await store.generation();
  const preset = options.preset ?? parts.defaultPreset;
  const fusion: FusionMethod = config.retrieval.fusion === 'rrf' ? { method: 'rrf', k: config.retrieval.rrfK } : { method: 'weighted', semanticWeight: config.retrieval.semanticWeight };
  const allowed = await parts.allowedRows(options.filter, generation);
  const lexical = await parts.lexical(generation);
  const dense = preset === 'lexical' ? undefined : await parts.dense(preset, generation);
  const reranker = preset === 'hybrid-rerank' ? parts.reranker() : undefined;
  return {
    generation,
    retriever: { chunks: store.chunks, analyzer: parts.analyzer, lexical, ...(dense === undefined ? {} : { dense }), ...(reranker === undefined ? {} : { reranker }) },
    plan: {
      k: options.k ?? config.retrieval.k,
      candidates: config.retrieval.candidates,
      fusion,
      rerank: { depth: config.reranker.depth, ...(config.reranker.minScore === undefined ? {} : { minScore: config.reranker.minScore }) },
      ...(config.retrieval.mmrLambda === undefined ? {} : { mmrLambda: config.retrieval.mmrLambda }),
      decompose: config.retrieval.decompose,
      ...(config.retrieval.maxPerDocument === 0 ? {} : { maxPerDocument: config.retrieval.maxPerDocument }),
      ...(allowed === undefined ? {} : { allowed }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    },
  };
}
