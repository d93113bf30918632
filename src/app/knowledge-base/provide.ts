import type { Provided } from './knowledge-base.js';

/**
 * A provider built at most once, on first use: an instance is returned as it is, a function is called the first time
 * (a failed build is not remembered, so a fixed environment is picked up by the next call).
 *
 * @example
 * const embedder = provide(options.embedder);
 * if (embedder.present) search with embedder.get();
 */
export function provide<T>(source: Provided<T> | undefined): { readonly present: boolean; get(): T | undefined } {
  let built: T | undefined;
  return {
    present: source !== undefined,
    get() {
      if (built === undefined && source !== undefined) built = typeof source === 'function' ? (source as () => T)() : source;
      return built;
    },
  };
}
