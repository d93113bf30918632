/** A stored tuned model: its JSON payload as stored and its ISO creation time. */
export interface StoredTunedModel {
  readonly payload: string;
  readonly createdAt: string;
}

/**
 * Small models tuned for one knowledge base, by name (e.g. `answerability`, the abstention calibration). The store
 * keeps payloads as given (it does not parse them); each write is one transaction.
 *
 * @example
 * await store.open('docs').tunedModels.put('answerability', JSON.stringify(model), new Date().toISOString());
 */
export interface TunedModels {
  get(name: string): Promise<StoredTunedModel | undefined>;
  /** Replaces the model stored under `name`. */
  put(name: string, payload: string, createdAt: string): Promise<void>;
  /** Returns whether one was stored under `name`. */
  delete(name: string): Promise<boolean>;
}
