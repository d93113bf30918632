import { configSchema } from '../../config/config-schema.js';
import { defaultConfig } from '../../config/default-config.js';
import { createConfiguredKnowledgeBase } from './create-configured-knowledge-base.js';
import type { KnowledgeBase, KnowledgeBaseOptions } from './knowledge-base.js';

/**
 * A long-lived knowledge base over a store: sync files into it, search it, answer from it. Instances are passed in
 * (store, loaders, embedder, reranker, chat model); configuration is optional and never read from the working
 * directory or the environment. Nothing is built until used, and every call checks the store's generation, so what
 * another instance or process synced shows at the next call. `close()` (or `await using`) closes the store.
 *
 * @example
 * await using kb = createKnowledgeBase({ store: createSqliteStore('.grounded/grounded.db'), name: 'docs' });
 * await kb.sync(['./docs']);
 * console.log((await kb.answer('How do I rotate the API key?')).answer);
 */
export function createKnowledgeBase(options: KnowledgeBaseOptions): KnowledgeBase {
  const config = options.config === undefined ? structuredClone(defaultConfig) : configSchema.parse(options.config);
  return createConfiguredKnowledgeBase(options, config);
}
