import { answerQuestion } from './answer-question.js';
import { buildKnowledgeBaseParts } from './build-knowledge-base-parts.js';
import { describeSettings } from './describe-settings.js';
import type { GroundedConfig } from '../../config/config-schema.js';
import type { KnowledgeBase, KnowledgeBaseOptions } from './knowledge-base.js';
import { retrieveForQuery } from './retrieve-for-query.js';
import { searchDocuments } from './search-documents.js';

/**
 * {@link createKnowledgeBase} with its configuration already resolved (validated, defaults filled in): what the CLI
 * uses after `loadConfig`, so a command that needs no validation does not load the schema library.
 *
 * @example
 * const kb = createConfiguredKnowledgeBase({ store, name: 'docs' }, loadConfig({ cwd, env }));
 */
export function createConfiguredKnowledgeBase(options: KnowledgeBaseOptions, config: GroundedConfig): KnowledgeBase {
  const parts = buildKnowledgeBaseParts(options, config);
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
    async sync(paths, syncOptions) {
      // The ingest pipeline (discovery, loaders, chunker, embedding pass) is imported by the first sync, not by a search.
      const { syncKnowledgeBase } = await import('./sync-knowledge-base.js');
      return syncKnowledgeBase(parts, paths, syncOptions);
    },
    async search(query, searchOptions) {
      const started = performance.now();
      const generation = await parts.store.generation();
      await parts.lexical(generation);
      indexLoadMs = performance.now() - started;
      return (await retrieveForQuery(parts, query, searchOptions)).results;
    },
    searchDocuments: (query, searchOptions) => searchDocuments(parts, query, searchOptions),
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
