/**
 * Wraps an async loader so it runs at most once at a time and its result is kept: concurrent first calls share one
 * load; a failed load is forgotten, so the next call tries again (after the user fixed the folder, say).
 *
 * @example
 * const model = loadOnce(() => loadOnnxModelFolder(folder, 'embeddings'));
 * const loaded = await model();
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}
