/** One recorded request: what was asked, what was retrieved and answered, as JSON the tune layer reads. */
export interface StoredTrace {
  readonly id: string;
  /** ISO time. */
  readonly createdAt: string;
  readonly payload: string;
}

/**
 * Request traces of a knowledge base (the input of trained routers and rerankers). Room in the contract for the next
 * issue: no store implements it yet, so `KnowledgeBaseStore.traces` is optional and callers check for it.
 *
 * @example
 * await store.open('docs').traces?.append([{ id, createdAt, payload }]);
 */
export interface TraceLog {
  append(traces: readonly StoredTrace[]): Promise<void>;
  /** Newest first, at most `limit`. */
  list(limit: number): Promise<StoredTrace[]>;
}
