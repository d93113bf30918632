/**
 * Saved lexical indexes, each valid for one generation: a process loads one instead of rebuilding the index.
 *
 * @example
 * const bytes = await store.open('docs').lexical.get(indexKey);
 */
export interface LexicalSnapshots {
  /** The saved index, only when it was built from the current generation under the same `key` (the index settings). */
  get(key: string): Promise<Uint8Array | undefined>;
  /**
   * Saves an index built from `generation` under `key`, replacing older snapshots. Ignored when the knowledge base has
   * changed since: a stale snapshot is never stored. `maxWaitMs` bounds how long it waits for another writer (default:
   * the store's busy timeout), for callers that only cache: a read path passes a short wait and ignores `STORE_BUSY`,
   * `DISK_FULL` and `STORE_READ_ONLY`.
   */
  put(key: string, generation: number, bytes: Uint8Array, options?: { readonly maxWaitMs?: number }): Promise<void>;
}
