import { join } from 'node:path';
import type { GroundedConfig } from '../config/config-schema.js';
import type { Embedder } from '../core/embedder.js';
import type { Reranker } from '../core/reranker.js';
import type { Store } from '../core/store/store.js';
import { createSqliteStore } from '../indexing/stores/sqlite/create-sqlite-store.js';
import { createChatModel } from './create-chat-model.js';
import { createEmbedder } from './create-embedder.js';
import { createReranker } from './create-reranker.js';
import { createConfiguredKnowledgeBase } from './knowledge-base/create-configured-knowledge-base.js';
import type { KnowledgeBase } from './knowledge-base/knowledge-base.js';

/** What {@link openKnowledgeBase} opens. */
export interface OpenKnowledgeBaseOptions {
  /** Resolved configuration (`loadConfig`: file and environment), read only because the caller asked for it. */
  readonly config: GroundedConfig;
  /** Knowledge base name; default `default`. */
  readonly kb?: string;
  /** A store to use instead of `<dataDir>/grounded.db`. */
  readonly store?: Store;
  /** An embedder to use instead of the configured one (null: none). */
  readonly embedder?: Embedder | null;
  /** A reranker to use instead of the configured one (null: none). */
  readonly reranker?: Reranker | null;
  /** Default: written to the process's stderr as `notice: ...`. */
  readonly onNotice?: (message: string) => void;
}

/**
 * A knowledge base as the CLI opens it: the SQLite store in `config.dataDir`, read-only until something is written,
 * and the configured providers, each built from its configuration only when first used (a half-configured embedder
 * fails `search --preset hybrid`, never `eval list`).
 *
 * @example
 * const kb = openKnowledgeBase({ config: loadConfig({ cwd, env }), kb: 'docs' });
 */
export function openKnowledgeBase(options: OpenKnowledgeBaseOptions): KnowledgeBase {
  const { config } = options;
  const configured = <T>(override: T | null | undefined, provider: string, build: () => T | undefined): (() => T) | T | undefined => {
    if (override !== undefined) return override ?? undefined;
    if (provider === 'none' || provider === 'extractive') return undefined;
    // The provider is named in the configuration, so it is present; its settings are checked when it is first used.
    return () => build() as T;
  };
  const embedder = configured(options.embedder, config.embedder.provider, () => createEmbedder(config));
  const reranker = configured(options.reranker, config.reranker.provider, () => createReranker(config));
  const chatModel = configured(undefined, config.llm.provider, () => createChatModel(config));
  return createConfiguredKnowledgeBase(
    {
      store: options.store ?? createSqliteStore(join(config.dataDir, 'grounded.db'), { access: 'read' }),
      name: options.kb ?? 'default',
      ...(embedder === undefined ? {} : { embedder }),
      ...(reranker === undefined ? {} : { reranker }),
      ...(chatModel === undefined ? {} : { chatModel }),
      vectorDir: config.dataDir,
      onNotice: options.onNotice ?? ((message: string) => process.stderr.write(`notice: ${message}\n`)),
    },
    config,
  );
}

export type { AnswerStrategy, IngestReport, KnowledgeBase, RetrievalPreset } from './knowledge-base/knowledge-base.js';
