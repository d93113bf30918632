import { Index, MetricKind, ScalarKind } from 'usearch';
import type { HnswSettings } from './hnsw-vector-index.js';

/**
 * An empty native usearch index as every HNSW index of the project is built: f32 vectors, inner product (cosine for
 * unit vectors), one vector per key. Creating and loading share it, so a saved graph is read with the settings it
 * was written with.
 *
 * @example
 * const native = createUsearchIndex(384, DEFAULT_HNSW_SETTINGS);
 */
export function createUsearchIndex(dimensions: number, settings: HnswSettings): Index {
  return new Index({
    dimensions,
    metric: MetricKind.IP,
    quantization: ScalarKind.F32,
    connectivity: settings.connectivity,
    expansion_add: settings.expansionAdd,
    expansion_search: settings.expansionSearch,
    multi: false,
  });
}
