import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { defaultAnswerabilityModel } from '../answer/answerability/default-answerability-model.js';
import { measureAnswerabilityFeatures } from '../answer/answerability/measure-answerability-features.js';
import { predictAnswerability } from '../answer/answerability/predict-answerability.js';
import type { AnswerabilityFeatures } from '../core/answerability-features.js';
import type { AnswerabilityModel } from '../core/answerability-model.js';
import { parseAnswerabilityModel } from './parse-answerability-model.js';
import { createTokenCounterForModel } from '../answer/context/create-token-counter-for-model.js';
import { estimateCost } from '../answer/estimate-cost.js';
import { createExtractiveChatModel } from '../answer/create-extractive-chat-model.js';
import { memoizeAnalyzer } from '../answer/memoize-analyzer.js';
import { generateAnswer, type AnswerStrategy } from '../answer/generate-answer.js';
import type { GroundedConfig } from '../config/config-schema.js';
import type { Answer } from '../core/answer.js';
import type { ChatModel, ChatUsage } from '../core/chat-model.js';
import type { Chunk, ScoredChunk } from '../core/document.js';
import type { Embedder } from '../core/embedder.js';
import { GroundedError, isGroundedError } from '../core/errors.js';
import type { LexicalIndex } from '../core/lexical-index.js';
import type { Reranker } from '../core/reranker.js';
import type { SearchFilter } from '../core/search-filter.js';
import type { Store } from '../core/store.js';
import { embedChunks, type EmbedReport } from '../ingest/embed/embed-chunks.js';
import { chunkDocument } from '../ingest/chunk/chunk-document.js';
import { createApproximateTokenCounter } from '../ingest/chunk/approximate-token-counter.js';
import { createDefaultLoaders } from '../ingest/loaders/create-default-loaders.js';
import { syncSources, type SyncReport, type SyncSourcesOptions } from '../ingest/sync-sources.js';
import { buildBm25Index } from '../indexing/lexical/build-bm25-index.js';
import { loadBm25Snapshot } from '../indexing/lexical/load-bm25-snapshot.js';
import { countEncodedTerms } from '../indexing/lexical/count-encoded-terms.js';
import { createAnalyzer } from '../indexing/lexical/create-analyzer.js';
import { createSqliteStore } from '../indexing/stores/sqlite/create-sqlite-store.js';
import { allowedRows } from '../retrieve/filter/allowed-rows.js';
import { mapRowsToDocuments } from '../retrieve/map-rows-to-documents.js';
import { retrieveDocuments } from '../retrieve/retrieve-documents.js';
import { retrievePassages, type FusionMethod, type PassageRetriever, type RetrievalPlan, type RetrievedPassages } from '../retrieve/retrieve-passages.js';
import { createChatModel } from './create-chat-model.js';
import { createEmbedder } from './create-embedder.js';
import { createReranker } from './create-reranker.js';
import { openDenseRetriever, type OpenedDenseRetriever } from './open-dense-retriever.js';
import { usesHnswIndex } from './uses-hnsw-index.js';

export type { SyncReport, EmbedReport };

/** Named retrieval set-ups: BM25 only; BM25 and dense vectors fused; fused, then reranked by a cross-encoder. */
export type RetrievalPreset = 'lexical' | 'hybrid' | 'hybrid-rerank';

/** Per-query retrieval options. */
export interface SearchOptions {
  /** Default `retrieval.k`. */
  readonly k?: number;
  /** Default `retrieval.preset`, else `hybrid` when an embedder is configured, else `lexical`. */
  readonly preset?: RetrievalPreset;
  /** Applied before ranking. */
  readonly filter?: SearchFilter;
  readonly signal?: AbortSignal;
}

/** What a sync did, including the embedding pass when dense retrieval is configured. */
export interface IngestReport extends SyncReport {
  /** Absent when no embedder is configured. A failed pass sets `error`; run the sync again to finish it. */
  readonly embedding?: EmbedReport;
}
export type { AnswerStrategy };

/** A knowledge base opened for syncing, searching and answering. */
export interface KnowledgeBase {
  readonly name: string;
  /** Syncs files and folders (see `syncSources`). Creates the knowledge base when it does not exist. */
  sync(
    paths: readonly string[],
    options?: Pick<SyncSourcesOptions, 'readFile' | 'onProgress' | 'prune' | 'followExternalLinks'>,
  ): Promise<IngestReport>;
  /**
   * The `k` best passages under a retrieval preset. Throws `KB_NOT_FOUND` for a knowledge base never ingested,
   * `INVALID_CONFIG` for a preset whose models are not configured.
   */
  search(query: string, options?: SearchOptions): Promise<ScoredChunk[]>;
  /**
   * The `k` best document keys, each ranked by its best chunk among the `depth` best chunks (default `3 * k`). Rows
   * map to documents in memory (read once per generation), so no chunk is read unless a reranker or MMR needs texts.
   */
  searchDocuments(query: string, options?: SearchOptions & { readonly depth?: number }): Promise<string[]>;
  /**
   * A cited answer or an abstention from the configured chat model under a strategy, or from the offline
   * extractive answerer (behind the same ChatModel contract) when no model is configured.
   */
  answer(question: string, options?: AnswerOptions): Promise<KnowledgeBaseAnswer>;
  /** A stored document's normalized text (what citation offsets point into). */
  documentText(key: string): string | undefined;
  /** What shapes this knowledge base's results, for run fingerprints. */
  settings(strategy?: AnswerStrategy, preset?: RetrievalPreset): { corpusHash: string; chunker: string; retriever: string; answerer: string };
  /** The preset a search without one uses. */
  readonly defaultPreset: RetrievalPreset;
  /** The underlying store (run history). */
  readonly store: Store;
  /** Milliseconds spent loading the lexical index (0 until the first search). */
  readonly indexLoadMs: number;
  close(): void;
}

/** Per-request answering options. */
export interface AnswerOptions {
  /** Default `rag`. */
  readonly strategy?: AnswerStrategy;
  /** Retrieval preset of the `rag` strategy. */
  readonly preset?: RetrievalPreset;
  readonly filter?: SearchFilter;
  /** Receives the answer text as it streams. */
  readonly onDelta?: (text: string) => void;
  readonly signal?: AbortSignal;
}

/** An answer with what produced it and what it cost. */
export interface KnowledgeBaseAnswer extends Answer {
  readonly strategy: AnswerStrategy;
  readonly provider: string;
  readonly modelId: string | null;
  /** Whether a model was called (false for extractive answers and abstentions before generation). */
  readonly calledModel: boolean;
  readonly usage: ChatUsage | null;
  /** USD from the pricing table; null when the model has no price. 0 when no model was called. */
  readonly costUsd: number | null;
  readonly unsupportedSentences: number;
  readonly danglingMarkers: readonly number[];
  /** Predicted probability, in [0, 1], that the knowledge base answers the question (`rag`; 1 for other strategies). */
  readonly answerability: number;
  /** The signals it was predicted from (`rag` only). */
  readonly answerabilityFeatures?: AnswerabilityFeatures;
  /** Which gate abstained: the answerability gate before any model call, or the answerer itself; null when it answered. */
  readonly abstainedBy: 'gate' | 'model' | null;
}

/** Where a knowledge base lives and what it is called. */
export interface OpenKnowledgeBaseOptions {
  readonly config: GroundedConfig;
  /** Knowledge base name; default `default`. */
  readonly kb?: string;
  /** A store to use instead of `<dataDir>/grounded.db` (tests, throwaway evaluation stores). */
  readonly store?: Store;
  /** An embedder to use instead of the configured one (null: none). */
  readonly embedder?: Embedder | null;
  /** A reranker to use instead of the configured one (null: none). */
  readonly reranker?: Reranker | null;
  /**
   * Receives one-line notices about things repaired on the way (a damaged saved index rebuilt from the store).
   * Default: written to the process's stderr as `notice: ...`.
   */
  readonly onNotice?: (message: string) => void;
}

/** Store failures a read path shrugs off when it only wanted to cache a derived index: the index in memory serves. */
const cacheWriteFailures: ReadonlySet<string> = new Set(['STORE_BUSY', 'DISK_FULL', 'STORE_READ_ONLY']);

/** How long a read path waits for another writer to save a cached index before giving up on saving it. */
const cacheWriteWaitMs = 200;

/**
 * The composition root: builds the loaders, chunker, analyzer, store and lexical index from configuration.
 *
 * @example
 * const kb = createKnowledgeBase({ config: loadConfig(), kb: 'docs' });
 * await kb.sync(['./docs']);
 * console.log((await kb.answer('How do I rotate the API key?')).answer);
 * kb.close();
 */
export function createKnowledgeBase(options: OpenKnowledgeBaseOptions): KnowledgeBase {
  const { config } = options;
  const name = options.kb ?? 'default';
  // Read-only until something is written: search and ask never create, switch or lock a store.
  const store = options.store ?? createSqliteStore(join(config.dataDir, 'grounded.db'), { access: 'read' });
  const notice = options.onNotice ?? ((message: string) => process.stderr.write(`notice: ${message}\n`));
  const analyzer = createAnalyzer({ stemmer: config.lexical.stemmer, stopWords: config.lexical.stopWords });
  const counter = createApproximateTokenCounter();
  const chunkOptions = { ...config.chunking, counter };
  const fingerprint = JSON.stringify({ chunking: config.chunking, counter: counter.id, analyzer: analyzer.id });
  let index: LexicalIndex | undefined;
  let indexLoadMs = 0;
  const embedder = options.embedder === undefined ? createEmbedder(config) : (options.embedder ?? undefined);
  let reranker: Reranker | null | undefined = options.reranker;
  let dense: OpenedDenseRetriever | undefined;
  // True while a sync opens the dense index: there a failed save of the HNSW index is an error, not a shrug.
  let syncing = false;
  let filterCache: { generation: number; documents: ReturnType<Store['documentRows']>['documents'] } | undefined;
  // The last filter's rows: a conversation or an evaluation asks many questions under the same filter.
  let lastFilter: { key: string; generation: number; rows: Set<number> } | undefined;
  // Every chunk row's document key, for document ranking without chunk reads (eval beir).
  let rowDocuments: { generation: number; map: Map<number, string> } | undefined;
  const defaultPreset: RetrievalPreset = config.retrieval.preset ?? (embedder === undefined ? 'lexical' : 'hybrid');
  let chatModel: ChatModel | null | undefined;
  // The tuned answerability model, parsed once per stored version (another process may tune it meanwhile).
  let tuned: { createdAt: string; model: AnswerabilityModel } | undefined;
  const model = (): ChatModel | undefined => {
    if (chatModel === undefined) chatModel = createChatModel(config) ?? null;
    return chatModel ?? undefined;
  };

  // Everything the built index depends on besides the chunks: a snapshot saved under another key is not used.
  const indexKey = JSON.stringify({ format: 'bm25-v2', ...config.lexical });

  /**
   * Loads the saved index of the current generation, or builds it from the stored terms and saves it. A damaged
   * snapshot is rebuilt from the store (the source of truth) with a notice. `save`: `required` (ingest: a failed
   * save is an error) or `best-effort` (a read: a busy, full or read-only store leaves the index in memory only).
   */
  function lexicalIndex(save: 'required' | 'best-effort' = 'best-effort'): LexicalIndex {
    if (index === undefined) {
      const started = performance.now();
      const saved = store.getIndexSnapshot(name, indexKey);
      let loaded: LexicalIndex | undefined;
      if (saved !== undefined) {
        try {
          loaded = loadBm25Snapshot(saved);
        } catch (error) {
          if (!isGroundedError(error, 'STORE_CORRUPT')) throw error;
          notice(`the saved BM25 index of '${name}' was damaged (${error.message}); rebuilt it from the store`);
        }
      }
      if (loaded === undefined) {
        const { generation, rows } = store.indexRows(name);
        loaded = buildBm25Index(rows, {
          k1: config.lexical.k1,
          b: config.lexical.b,
          ...(config.lexical.titleWeight === undefined ? {} : { titleWeight: config.lexical.titleWeight }),
        });
        saveSnapshot(generation, loaded, save);
      }
      index = loaded;
      indexLoadMs = performance.now() - started;
    }
    return index;
  }

  function saveSnapshot(generation: number, built: LexicalIndex, save: 'required' | 'best-effort'): void {
    if (save === 'required') {
      store.putIndexSnapshot(name, indexKey, generation, built.toSnapshot());
      return;
    }
    try {
      store.putIndexSnapshot(name, indexKey, generation, built.toSnapshot(), { maxWaitMs: cacheWriteWaitMs });
    } catch (error) {
      if (!isGroundedError(error) || !cacheWriteFailures.has(error.code)) throw error;
    }
  }

  function denseRetriever(preset: RetrievalPreset): OpenedDenseRetriever {
    if (embedder === undefined) {
      throw new GroundedError('INVALID_CONFIG', `the ${preset} preset needs an embedder, and none is configured`, {
        hint: 'set GROUNDED_EMBEDDER_PROVIDER (and its _BASE_URL/_MODEL or _PATH), or use --preset lexical',
      });
    }
    dense ??= openDenseRetriever({
      store,
      kb: name,
      embedder,
      mode: config.retrieval.vectorIndex,
      exactBelow: config.retrieval.exactBelow,
      dataDir: config.dataDir,
      onNotice: notice,
      bestEffortSave: !syncing,
    });
    if (dense.size === 0 && store.counts(name).chunks > 0) {
      dense = undefined;
      throw new GroundedError('INVALID_INPUT', `no chunk of '${name}' has a vector from ${embedder.modelId} yet`, {
        hint: `run grounded ingest --kb ${name} on its folders again (unchanged files are skipped, only the vectors are computed), or use --preset lexical`,
      });
    }
    return dense;
  }

  function configuredReranker(): Reranker {
    if (reranker === undefined) reranker = createReranker(config) ?? null;
    if (reranker === null) {
      throw new GroundedError('INVALID_CONFIG', 'the hybrid-rerank preset needs a reranker, and none is configured', {
        hint: 'set GROUNDED_RERANKER_PROVIDER (and its _BASE_URL/_MODEL or _PATH), or use --preset hybrid',
      });
    }
    return reranker;
  }

  /** Rows the filter accepts, from document metadata read once per generation. */
  function filteredRows(filter: SearchFilter | undefined): Set<number> | undefined {
    if (filter === undefined || Object.values(filter).every((value) => value === undefined)) return undefined;
    const generation = store.generation(name);
    const key = JSON.stringify(filter);
    if (lastFilter?.key === key && lastFilter.generation === generation) return lastFilter.rows;
    if (filterCache === undefined || filterCache.generation !== generation) filterCache = store.documentRows(name);
    lastFilter = { key, generation, rows: allowedRows(filterCache.documents, filter) };
    return lastFilter.rows;
  }

  async function search(query: string, searchOptions: SearchOptions = {}): Promise<ScoredChunk[]> {
    return (await retrieve(query, searchOptions)).results;
  }

  async function retrieve(query: string, searchOptions: SearchOptions = {}): Promise<RetrievedPassages> {
    store.requireKnowledgeBase(name);
    const { retriever, plan } = retrievalOf(searchOptions);
    return retrievePassages(retriever, query, plan);
  }

  async function searchDocuments(query: string, searchOptions: SearchOptions & { readonly depth?: number } = {}): Promise<string[]> {
    store.requireKnowledgeBase(name);
    const documents = searchOptions.k ?? config.retrieval.k;
    const { retriever, plan } = retrievalOf({ ...searchOptions, k: searchOptions.depth ?? documents * 3 });
    const generation = store.generation(name);
    if (rowDocuments?.generation !== generation) {
      if (filterCache?.generation !== generation) filterCache = store.documentRows(name);
      rowDocuments = { generation: filterCache.generation, map: mapRowsToDocuments(filterCache.documents) };
    }
    return retrieveDocuments(retriever, query, plan, documents, rowDocuments.map);
  }

  function retrievalOf(searchOptions: SearchOptions): { retriever: PassageRetriever; plan: RetrievalPlan } {
    const preset = searchOptions.preset ?? defaultPreset;
    const fusion: FusionMethod =
      config.retrieval.fusion === 'rrf' ? { method: 'rrf', k: config.retrieval.rrfK } : { method: 'weighted', semanticWeight: config.retrieval.semanticWeight };
    const allowed = filteredRows(searchOptions.filter);
    return {
      retriever: {
        store,
        kb: name,
        analyzer,
        lexical: lexicalIndex(),
        ...(preset === 'lexical' ? {} : { dense: denseRetriever(preset) }),
        ...(preset === 'hybrid-rerank' ? { reranker: configuredReranker() } : {}),
      },
      plan: {
        k: searchOptions.k ?? config.retrieval.k,
        candidates: config.retrieval.candidates,
        fusion,
        rerank: { depth: config.reranker.depth, ...(config.reranker.minScore === undefined ? {} : { minScore: config.reranker.minScore }) },
        ...(config.retrieval.mmrLambda === undefined ? {} : { mmrLambda: config.retrieval.mmrLambda }),
        decompose: config.retrieval.decompose,
        ...(config.retrieval.maxPerDocument === 0 ? {} : { maxPerDocument: config.retrieval.maxPerDocument }),
        ...(allowed === undefined ? {} : { allowed }),
        ...(searchOptions.signal === undefined ? {} : { signal: searchOptions.signal }),
      },
    };
  }

  /** The knowledge base's own calibrated model (`grounded tune answerability`), else the shipped one. */
  function answerabilityModel(): AnswerabilityModel {
    // answer() has already required the knowledge base, so this is one keyed read.
    const stored = store.getTunedModel(name, 'answerability');
    if (stored === undefined) return defaultAnswerabilityModel;
    if (tuned?.createdAt !== stored.createdAt) tuned = { createdAt: stored.createdAt, model: parseAnswerabilityModel(stored.payload) };
    return tuned.model;
  }

  async function answer(question: string, options: AnswerOptions = {}): Promise<KnowledgeBaseAnswer> {
    const strategy = options.strategy ?? 'rag';
    store.requireKnowledgeBase(name);
    const started = performance.now();
    const retrieved =
      strategy === 'rag'
        ? await retrieve(question, {
            k: Math.max(config.answer.passages, config.retrieval.k),
            ...(options.preset === undefined ? {} : { preset: options.preset }),
            ...(options.filter === undefined ? {} : { filter: options.filter }),
            ...(options.signal === undefined ? {} : { signal: options.signal }),
          })
        : undefined;
    const passages = retrieved?.results ?? [];
    const lexical = lexicalIndex();
    const idf = (term: string): number => lexical.idf(term);
    // With no model configured, the offline extractive answerer stands behind the same contract.
    // One request's analysis is shared by the answerability signals and the reader, which read the same passages.
    const requestAnalyzer = memoizeAnalyzer(analyzer);
    const chat = model() ?? createExtractiveChatModel({ analyzer: requestAnalyzer, idf, maxSentences: config.answer.maxSentences });
    const offline = chat.provider === 'extractive';
    const calibrated = answerabilityModel();
    const measured =
      retrieved === undefined
        ? undefined
        : measureAnswerabilityFeatures(question, passages, retrieved.signals, { analyzer: requestAnalyzer, idf, documentFrequency: (term) => lexical.documentFrequency(term) });
    const answerability = measured === undefined ? 1 : predictAnswerability(calibrated, measured.features);
    // Offline, the gate decides whether to answer; with a model the model decides, and only a very low answerability
    // (the lower threshold) keeps the question from it.
    const threshold = offline ? (config.answer.minAnswerability ?? calibrated.threshold) : (config.llm.minAnswerability ?? calibrated.modelThreshold);
    const gated = offline || config.llm.abstainBeforeGeneration;
    const afterRetrieval = performance.now();
    const generated = await generateAnswer(question, offline ? passages.slice(0, config.answer.passages) : passages, {
      model: chat,
      strategy,
      counter: offline ? createApproximateTokenCounter() : createTokenCounterForModel(chat.modelId),
      contextTokens: config.llm.contextTokens,
      maxOutputTokens: config.llm.maxOutputTokens,
      ...(gated && measured !== undefined ? { gate: { answerability, threshold } } : {}),
      documents: () => store.allDocuments(name),
      dropUnsupported: config.llm.dropUnsupported,
      judgeCitations: !offline && config.llm.judgeCitations,
      ...(options.onDelta === undefined ? {} : { onDelta: options.onDelta }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    const finished = performance.now();
    const spent = offline ? null : generated.usage;
    return {
      ...generated,
      confidence: answerability,
      answerability,
      ...(measured === undefined ? {} : { answerabilityFeatures: measured.features }),
      calledModel: generated.calledModel && !offline,
      usage: spent,
      provider: chat.provider,
      costUsd: spent === null ? 0 : estimateCost(spent, config.llm.pricing[chat.modelId]),
      timings: { retrieveMs: afterRetrieval - started, generateMs: finished - afterRetrieval, totalMs: finished - started },
    };
  }

  return {
    name,
    store,
    answer,
    defaultPreset,
    documentText: (key) => store.getDocument(name, key)?.text,
    settings(strategy = 'rag', preset = defaultPreset) {
      const sources = store.listSources(name).map((source) => `${source.path}\u0000${source.hash}`).sort();
      return {
        corpusHash: createHash('sha256').update(sources.join('\n')).digest('hex').slice(0, 16),
        chunker: JSON.stringify({ ...config.chunking, counter: counter.id, analyzer: analyzer.id }),
        retriever: JSON.stringify({
          preset,
          ...config.lexical,
          ...config.retrieval,
          ...(preset === 'lexical' ? {} : { embedder: embedder?.id ?? null }),
          ...(preset === 'hybrid-rerank' ? { reranker: reranker?.id ?? config.reranker, rerankDepth: config.reranker.depth } : {}),
        }),
        answerer: JSON.stringify({
          provider: config.llm.provider,
          ...(config.llm.provider === 'extractive'
            ? {}
            : { model: config.llm.model, contextTokens: config.llm.contextTokens, maxOutputTokens: config.llm.maxOutputTokens, dropUnsupported: config.llm.dropUnsupported }),
          strategy,
          ...config.answer,
          answerability: answerabilityFingerprint(answerabilityModel()),
          ...(config.llm.provider === 'extractive' ? {} : { llmMinAnswerability: config.llm.minAnswerability ?? null, abstainBeforeGeneration: config.llm.abstainBeforeGeneration }),
        }),
      };
    },
    get indexLoadMs() {
      return indexLoadMs;
    },
    async sync(paths, syncOptions = {}) {
      const report = await syncSources({
        store,
        kb: name,
        paths,
        loaders: createDefaultLoaders({ jsonl: { ...config.ingest.jsonl, maxRecordBytes: config.ingest.maxFileBytes } }),
        chunk: (document) => chunkDocument(document, chunkOptions),
        analyze: (chunk) => ({
          body: countEncodedTerms(analyzer.terms(chunk.text)),
          title: countEncodedTerms(analyzer.terms(titleField(chunk))),
        }),
        fingerprint,
        include: config.ingest.include,
        exclude: config.ingest.exclude,
        maxFileBytes: config.ingest.maxFileBytes,
        maxJsonlFileBytes: config.ingest.maxJsonlFileBytes,
        batchFiles: config.ingest.batchFiles,
        ...syncOptions,
      });
      index = undefined;
      // Build and save the index now, so the first question after an ingest does not pay for it. An unchanged
      // knowledge base still loads its snapshot: a damaged one is rebuilt here, not reported as unchanged.
      lexicalIndex('required');
      if (embedder === undefined) return report;
      if (report.updated + report.removed > 0) store.pruneEmbeddings();
      const embedding = await embedChunks({ store, kb: name, embedder, batchSize: config.embedder.batchSize, concurrency: config.embedder.concurrency });
      dense = undefined;
      // Reconcile and save the HNSW index now, so the first query does not pay for it. An exact index lives only in
      // memory: loading it here would be thrown away when an ingest process exits.
      if (embedding.covered > 0 && usesHnswIndex(config.retrieval.vectorIndex, embedding.covered, config.retrieval.exactBelow)) {
        syncing = true;
        try {
          denseRetriever('hybrid');
        } finally {
          syncing = false;
        }
      }
      return { ...report, embedding };
    },
    search,
    searchDocuments,
    close() {
      if (options.store === undefined) store.close();
    },
  };
}

/** The title field of a chunk: document title and heading path, without repeating a top heading equal to the title. */
function titleField(chunk: Chunk): string {
  const headings = chunk.headingPath[0] === chunk.title ? chunk.headingPath.slice(1) : chunk.headingPath;
  return [chunk.title, ...headings].join('\n');
}

/** What identifies an answerability model in a run fingerprint: its source and a hash of its numbers. */
function answerabilityFingerprint(model: AnswerabilityModel): string {
  const numbers = JSON.stringify([model.intercept, model.weights, model.threshold, model.modelThreshold]);
  return `${model.source}:${createHash('sha256').update(numbers).digest('hex').slice(0, 12)}`;
}
