/**
 * Whether a knowledge base's vectors are served by the persisted HNSW index rather than exact search in memory:
 * always with `hnsw`, never with `exact`, and with `auto` from `exactBelow` vectors on.
 *
 * @example
 * usesHnswIndex('auto', 50_000, 20_000); // true
 */
export function usesHnswIndex(mode: 'auto' | 'exact' | 'hnsw', vectors: number, exactBelow: number): boolean {
  return mode === 'hnsw' || (mode === 'auto' && vectors >= exactBelow);
}
