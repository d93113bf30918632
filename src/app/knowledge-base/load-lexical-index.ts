import { isGroundedError } from '../../core/errors.js';
import type { LexicalIndex } from '../../core/lexical-index.js';
import type { KnowledgeBaseStore } from '../../core/store/store.js';
import { buildBm25Index } from '../../indexing/lexical/build-bm25-index.js';
import { loadBm25Snapshot } from '../../indexing/lexical/load-bm25-snapshot.js';

/** Store failures a read path shrugs off when it only wanted to cache a derived index: the index in memory serves. */
const cacheWriteFailures: ReadonlySet<string> = new Set(['STORE_BUSY', 'DISK_FULL', 'STORE_READ_ONLY']);

/** How long a read path waits for another writer to save a cached index before giving up on saving it. */
const cacheWriteWaitMs = 200;

/** Settings of {@link loadLexicalIndex}. */
export interface LoadLexicalIndexOptions {
  /** Everything the built index depends on besides the chunks: a snapshot saved under another key is not used. */
  readonly key: string;
  readonly bm25: { readonly k1: number; readonly b: number; readonly titleWeight?: number };
  /** `required` (ingest: a failed save is an error) or `best-effort` (a read: a busy, full or read-only store keeps it in memory). */
  readonly save: 'required' | 'best-effort';
  readonly onNotice?: (message: string) => void;
}

/**
 * The knowledge base's BM25F index: the saved snapshot of the current generation, else built from the stored term
 * counts and saved. A damaged snapshot is rebuilt from the store (the source of truth) with a notice.
 *
 * @example
 * const index = await loadLexicalIndex(store.open('docs'), { key, bm25: { k1: 0.9, b: 0.4 }, save: 'best-effort' });
 */
export async function loadLexicalIndex(store: KnowledgeBaseStore, options: LoadLexicalIndexOptions): Promise<LexicalIndex> {
  const saved = await store.lexical.get(options.key);
  if (saved !== undefined) {
    try {
      return loadBm25Snapshot(saved);
    } catch (error) {
      if (!isGroundedError(error, 'STORE_CORRUPT')) throw error;
      options.onNotice?.(`the saved BM25 index of '${store.name}' was damaged (${error.message}); rebuilt it from the store`);
    }
  }
  const { generation, rows } = await store.chunks.indexRows();
  const built = buildBm25Index(rows, options.bm25);
  if (options.save === 'required') {
    await store.lexical.put(options.key, generation, built.toSnapshot());
    return built;
  }
  try {
    await store.lexical.put(options.key, generation, built.toSnapshot(), { maxWaitMs: cacheWriteWaitMs });
  } catch (error) {
    if (!isGroundedError(error) || !cacheWriteFailures.has(error.code)) throw error;
  }
  return built;
}
