import { defaultAnswerabilityModel } from '../../answer/answerability/default-answerability-model.js';
import { createChatAnswerer } from '../../answer/create-chat-answerer.js';
import { createExtractiveAnswerer } from '../../answer/create-extractive-answerer.js';
import type { AnswerabilityModel } from '../../core/answerability-model.js';
import type { Answerer } from '../../core/answerer.js';
import { GroundedError } from '../../core/errors.js';
import type { SearchFilter } from '../../core/search-filter.js';
import type { DocumentRows } from '../../core/store/chunk-reader.js';
import type { GroundedConfig } from '../../config/config-schema.js';
import { createApproximateTokenCounter } from '../../ingest/chunk/approximate-token-counter.js';
import { createAnalyzer } from '../../indexing/lexical/create-analyzer.js';
import { allowedRows } from '../../retrieve/filter/allowed-rows.js';
import { mapRowsToDocuments } from '../../retrieve/map-rows-to-documents.js';
import type { OpenedDenseRetriever } from '../open-dense-retriever.js';
import { parseAnswerabilityModel } from '../parse-answerability-model.js';
import { createGenerationCache } from './create-generation-cache.js';
import type { KnowledgeBaseOptions, RetrievalPreset } from './knowledge-base.js';
import type { KnowledgeBaseParts } from './knowledge-base-parts.js';
import { loadLexicalIndex } from './load-lexical-index.js';
import { provide } from './provide.js';

/**
 * Builds the pieces of a knowledge base service from its options and resolved configuration: nothing is read or built until first used, and every
 * cache is keyed by the store's generation (the BM25 index, the dense retriever, filter rows) or by the stored version
 * (the tuned answerability model).
 *
 * @example
 * const parts = buildKnowledgeBaseParts({ store: createSqliteStore(file) }, defaultConfig);
 */
export function buildKnowledgeBaseParts(options: KnowledgeBaseOptions, config: GroundedConfig): KnowledgeBaseParts {
  const store = options.store.open(options.name ?? 'default');
  const notice = options.onNotice ?? (() => undefined);
  const analyzer = createAnalyzer({ stemmer: config.lexical.stemmer, stopWords: config.lexical.stopWords });
  const counter = createApproximateTokenCounter();
  const embedder = provide(options.embedder);
  const reranker = provide(options.reranker);
  const chatModel = provide(options.chatModel);
  const lexicalKey = JSON.stringify({ format: 'bm25-v2', ...config.lexical });
  const bm25 = { k1: config.lexical.k1, b: config.lexical.b, ...(config.lexical.titleWeight === undefined ? {} : { titleWeight: config.lexical.titleWeight }) };
  let lexicalSave: 'required' | 'best-effort' = 'best-effort';
  const lexical = createGenerationCache(() => loadLexicalIndex(store, { key: lexicalKey, bm25, save: lexicalSave, onNotice: notice }));
  let denseSave = true;
  const dense = createGenerationCache(async () => {
    // Imported here: the vector indexes load usearch's native addon, which a lexical search never needs.
    const { openDenseRetriever } = await import('../open-dense-retriever.js');
    return openDenseRetriever({
      store,
      embedder: requireEmbedder('hybrid'),
      mode: config.retrieval.vectorIndex,
      exactBelow: config.retrieval.exactBelow,
      ...(options.vectorDir === undefined ? {} : { dataDir: options.vectorDir }),
      onNotice: notice,
      bestEffortSave: denseSave,
    });
  });
  const documentRows = createGenerationCache<DocumentRows[]>(async () => (await store.chunks.documentRows()).documents);
  const rowDocuments = createGenerationCache(async (generation) => mapRowsToDocuments(await documentRows.get(generation)));
  // The last filter's rows: a conversation or an evaluation asks many questions under the same filter.
  let lastFilter: { key: string; generation: number; rows: Set<number> } | undefined;
  let tuned: { createdAt: string; model: AnswerabilityModel } | undefined;
  let answerer = options.answerer;

  function requireEmbedder(preset: RetrievalPreset) {
    const built = embedder.get();
    if (built === undefined) {
      throw new GroundedError('INVALID_CONFIG', `the ${preset} preset needs an embedder, and none is configured`, {
        hint: 'set GROUNDED_EMBEDDER_PROVIDER (and its _BASE_URL/_MODEL or _PATH), or use --preset lexical',
      });
    }
    return built;
  }

  async function openDense(preset: RetrievalPreset, generation: number, bestEffortSave = true): Promise<OpenedDenseRetriever> {
    requireEmbedder(preset);
    denseSave = bestEffortSave;
    let opened = await dense.get(generation);
    // An embedding pass (here or in another process) adds vectors without a new generation: a retriever missing some
    // is checked against the store's coverage on each call, and reopened once more are there.
    if (opened.size < opened.chunks && (await store.embeddings.coverage(requireEmbedder(preset).id)).embedded !== opened.size) {
      dense.clear();
      opened = await dense.get(generation);
    }
    if (opened.size === 0 && opened.chunks > 0) {
      dense.clear();
      throw new GroundedError('NOT_READY', `no chunk of '${store.name}' has a vector from ${requireEmbedder(preset).modelId} yet`, {
        hint: `run grounded ingest --kb ${store.name} on its folders again (unchanged files are skipped, only the vectors are computed), or use --preset lexical`,
      });
    }
    return opened;
  }

  function buildAnswerer(): Answerer {
    const model = chatModel.get();
    if (model === undefined) {
      const { contextTokens, maxOutputTokens, dropUnsupported } = config.llm;
      const { passages, maxSentences, minAnswerability } = config.answer;
      return createExtractiveAnswerer({ counter, passages, maxSentences, contextTokens, maxOutputTokens, dropUnsupported, ...(minAnswerability === undefined ? {} : { minAnswerability }) });
    }
    const { contextTokens, maxOutputTokens, abstainBeforeGeneration, minAnswerability, dropUnsupported, judgeCitations, pricing } = config.llm;
    const price = pricing[model.modelId];
    return createChatAnswerer({
      model,
      contextTokens,
      maxOutputTokens,
      abstainBeforeGeneration,
      dropUnsupported,
      judgeCitations,
      ...(minAnswerability === undefined ? {} : { minAnswerability }),
      ...(price === undefined ? {} : { pricing: price }),
    });
  }

  return {
    store,
    config,
    analyzer,
    counter,
    async loaders() {
      if (options.loaders !== undefined) return options.loaders;
      const { createDefaultLoaders } = await import('../../ingest/loaders/create-default-loaders.js');
      return createDefaultLoaders({ jsonl: { ...config.ingest.jsonl, maxRecordBytes: config.ingest.maxFileBytes } });
    },
    defaultPreset: config.retrieval.preset ?? (embedder.present ? 'hybrid' : 'lexical'),
    lexical(generation, save = 'best-effort') {
      if (save === 'required') lexical.clear();
      lexicalSave = save;
      return lexical.get(generation);
    },
    embedder: requireEmbedder,
    embedderIfAny: () => (embedder.present ? embedder.get() : undefined),
    dense: openDense,
    resetDense: () => dense.clear(),
    reranker() {
      const built = reranker.get();
      if (built === undefined) {
        throw new GroundedError('INVALID_CONFIG', 'the hybrid-rerank preset needs a reranker, and none is configured', {
          hint: 'set GROUNDED_RERANKER_PROVIDER (and its _BASE_URL/_MODEL or _PATH), or use --preset hybrid',
        });
      }
      return built;
    },
    rerankerIfAny: () => (reranker.present ? reranker.get() : undefined),
    rowDocuments: (generation) => rowDocuments.get(generation),
    async allowedRows(filter: SearchFilter | undefined, generation: number) {
      if (filter === undefined || Object.values(filter).every((value) => value === undefined)) return undefined;
      const key = JSON.stringify(filter);
      if (lastFilter?.key === key && lastFilter.generation === generation) return lastFilter.rows;
      lastFilter = { key, generation, rows: allowedRows(await documentRows.get(generation), filter) };
      return lastFilter.rows;
    },
    answerer() {
      answerer ??= buildAnswerer();
      return answerer;
    },
    async answerabilityModel() {
      const stored = await store.tunedModels.get('answerability');
      if (stored === undefined) return defaultAnswerabilityModel;
      if (tuned?.createdAt !== stored.createdAt) tuned = { createdAt: stored.createdAt, model: parseAnswerabilityModel(stored.payload) };
      return tuned.model;
    },
    pruneEmbeddings: () => options.store.pruneEmbeddings(),
    notice,
  };
}
