/** A value derived from a knowledge base, rebuilt when the store's generation moved. */
export interface GenerationCache<T> {
  /** The value for `generation`: the cached one when it was built from it, else a new one (built once however many callers wait). */
  get(generation: number): Promise<T>;
  /** Drops the value (the next `get` rebuilds). */
  clear(): void;
}

/**
 * Caches what `build` derives from a knowledge base under the generation it was built for. Callers read the store's
 * generation on every call and pass it: a sync by another instance or process bumps it, and the next call rebuilds.
 * Concurrent calls for one generation share one build; a failed build is not cached.
 *
 * @example
 * const lexical = createGenerationCache((generation) => loadLexicalIndex(store, generation));
 * const index = await lexical.get(await store.generation());
 */
export function createGenerationCache<T>(build: (generation: number) => Promise<T>): GenerationCache<T> {
  let cached: { generation: number; value: Promise<T> } | undefined;
  return {
    get(generation) {
      if (cached?.generation !== generation) {
        const value = build(generation);
        const entry = { generation, value };
        cached = entry;
        value.catch(() => {
          if (cached === entry) cached = undefined;
        });
      }
      return cached.value;
    },
    clear() {
      cached = undefined;
    },
  };
}
