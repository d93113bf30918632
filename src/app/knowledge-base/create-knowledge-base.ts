import { answerQuestion } from './answer-question.js';
import { buildKnowledgeBaseParts } from './build-knowledge-base-parts.js';
import { describeSettings } from './describe-settings.js';
import type { KnowledgeBase, KnowledgeBaseOptions } from './knowledge-base.js';
import { retrieveForQuery } from './retrieve-for-query.js';
import { syncKnowledgeBase } from './sync-knowledge-base.js';

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
  const parts = buildKnowledgeBaseParts(options);
  let indexLoadMs = 0;
  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closed ??= options.store.close();
    return closed;
  };
  return {
    name: parts.store.name,
    store: parts.store,
    defaultPreset: parts.defaultPreset,
    defaults: { preset: parts.defaultPreset, k: parts.config.retrieval.k, passages: parts.config.answer.passages },
    get indexLoadMs() {
      return indexLoadMs;
    },
    sync: (paths, syncOptions) => syncKnowledgeBase(parts, paths, syncOptions),
    async search(query, searchOptions) {
      const started = performance.now();
      const generation = await parts.store.generation();
      await parts.lexical(generation);
      indexLoadMs = performance.now() - started;
      return (await retrieveForQuery(parts, query, searchOptions)).results;
    },
    answer: (question, answerOptions) => answerQuestion(parts, question, answerOptions),
    async documentTexts(keys) {
      const documents = await parts.store.documents.byKeys(keys);
      return new Map([...documents].map(([key, document]) => [key, document.text]));
    },
    settings: (strategy, preset) => describeSettings(parts, strategy, preset),
    close,
    [Symbol.asyncDispose]: close,
  };
}
