import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { isGroundedError } from '../../core/errors.js';
import type { VectorIndex } from '../../core/vector-index.js';
import { clusteredVectors } from '../../../bench/clustered-vectors.js';
import { vectorIndexConformance } from '../../../test/support/vector-index-conformance.js';
import { createExactVectorIndex } from './create-exact-vector-index.js';
import { createHnswVectorIndex } from './create-hnsw-vector-index.js';
import { DEFAULT_HNSW_SETTINGS } from './hnsw-vector-index.js';

vectorIndexConformance('hnsw', (dimensions) => createHnswVectorIndex({ dimensions }));

/** Mean share of the exact top `k` (accepted) rows that `index` also returns. */
function recallAtK(index: VectorIndex, exact: VectorIndex, queries: readonly Float32Array[], k: number, accept?: (row: number) => boolean): number {
  let found = 0;
  let wanted = 0;
  for (const query of queries) {
    const truth = new Set(exact.search(query, k, { accept }).map((hit) => hit.row));
    wanted += truth.size;
    found += index.search(query, k, { accept }).filter((hit) => truth.has(hit.row)).length;
  }
  return found / wanted;
}

describe('createHnswVectorIndex', () => {
  describe('on 20k x 64 clustered unit vectors', () => {
    const dimensions = 64;
    const { vectors, queries } = clusteredVectors({ count: 20_000, dimensions, clusters: 200, queries: 200, spread: 1, seed: 7 });
    const rows = vectors.map((_, position) => position * 2 + 1);
    const exact = createExactVectorIndex({ dimensions });
    const hnsw = createHnswVectorIndex({ dimensions });
    before(() => {
      exact.add(rows, vectors);
      hnsw.add(rows, vectors);
    });

    it('finds >= 95% of the exact top 10', () => {
      const recall = recallAtK(hnsw, exact, queries, 10);
      assert.ok(recall >= 0.95, `recall@10 ${recall}`);
    });

    it('finds >= 95% of the exact top 10 under a filter accepting a third of the rows, or 1%', () => {
      const third = recallAtK(hnsw, exact, queries.slice(0, 100), 10, (row) => row % 3 === 0);
      assert.ok(third >= 0.95, `filtered recall@10 ${third}`);
      const rare = recallAtK(hnsw, exact, queries.slice(0, 20), 10, (row) => row % 100 === 1);
      assert.ok(rare >= 0.95, `rare-filter recall@10 ${rare}`);
    });

    it('scores like the exact index', () => {
      for (const query of queries.slice(0, 20)) {
        const truth = new Map(exact.search(query, 10).map((hit) => [hit.row, hit.score]));
        for (const hit of hnsw.search(query, 10)) {
          const expected = truth.get(hit.row);
          if (expected !== undefined) assert.ok(Math.abs(hit.score - expected) < 1e-5);
        }
      }
    });
  });

  it('reports its settings: usearch defaults unless given', () => {
    assert.deepEqual(createHnswVectorIndex({ dimensions: 4 }).settings, DEFAULT_HNSW_SETTINGS);
    const tuned = createHnswVectorIndex({ dimensions: 4, connectivity: 32, expansionSearch: 256 });
    assert.deepEqual(tuned.settings, { connectivity: 32, expansionAdd: 128, expansionSearch: 256 });
    assert.equal(tuned.kind, 'hnsw');
    assert.equal(tuned.readOnly, false);
  });

  it('rejects settings out of range and bad dimensions', () => {
    const invalidConfig = (error: unknown): boolean => isGroundedError(error, 'INVALID_CONFIG');
    assert.throws(() => createHnswVectorIndex({ dimensions: 4, connectivity: 1 }), invalidConfig);
    assert.throws(() => createHnswVectorIndex({ dimensions: 4, expansionSearch: 0 }), invalidConfig);
    assert.throws(() => createHnswVectorIndex({ dimensions: 4, expansionAdd: 1.5 }), invalidConfig);
    assert.throws(() => createHnswVectorIndex({ dimensions: 4, threads: -1 }), invalidConfig);
    assert.throws(() => createHnswVectorIndex({ dimensions: 0 }), (error) => isGroundedError(error, 'INVALID_ARGUMENT'));
  });
});
