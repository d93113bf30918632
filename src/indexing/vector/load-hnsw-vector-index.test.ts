import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isGroundedError } from '../../core/errors.js';
import { clusteredVectors } from '../../../bench/clustered-vectors.js';
import { createHnswVectorIndex } from './create-hnsw-vector-index.js';
import { loadHnswVectorIndex } from './load-hnsw-vector-index.js';
import { orphanAgeMs, saveHnswVectorIndex } from './save-hnsw-vector-index.js';

const storeCorrupt = (error: unknown): boolean => isGroundedError(error, 'STORE_CORRUPT');

describe('saveHnswVectorIndex / loadHnswVectorIndex', () => {
  const dimensions = 32;
  const { vectors, queries } = clusteredVectors({ count: 3000, dimensions, clusters: 30, queries: 30, seed: 3 });
  const rows = vectors.map((_, position) => position * 5 + 2);
  let folder = '';
  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'grounded-hnsw-'));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  const built = () => {
    const index = createHnswVectorIndex({ dimensions, connectivity: 12, expansionSearch: 80 });
    index.add(rows, vectors);
    // Removals and a replacement, so the saved row set differs from what was first added.
    index.remove(rows.slice(0, 100));
    index.add([rows[200] as number], [vectors[0] as Float32Array]);
    return index;
  };

  it('returns undefined when nothing was saved', () => {
    assert.equal(loadHnswVectorIndex(join(folder, 'absent.hnsw')), undefined);
  });

  for (const view of [false, true]) {
    it(`round-trips rows, settings, meta and search results (view: ${view})`, () => {
      const index = built();
      const path = join(folder, `round-trip-${view}.hnsw`);
      const saved = saveHnswVectorIndex(index, path, 'model-a@7');
      assert.equal(saved.bytes, statSync(path).size + statSync(saved.graphPath).size);
      const loaded = loadHnswVectorIndex(path, { view });
      assert.ok(loaded !== undefined);
      assert.equal(loaded.meta, 'model-a@7');
      assert.equal(loaded.index.readOnly, view);
      assert.equal(loaded.index.size, index.size);
      assert.deepEqual(loaded.index.settings, index.settings);
      assert.deepEqual(loaded.index.rows().sort((a, b) => a - b), index.rows().sort((a, b) => a - b));
      assert.equal(loaded.index.has(rows[0] as number), false);
      for (const query of queries) assert.deepEqual(loaded.index.search(query, 10), index.search(query, 10));
    });
  }

  it('lets the caller tell a stale file by its meta', () => {
    const path = join(folder, 'stale.hnsw');
    saveHnswVectorIndex(built(), path, 'model-a@7');
    const expected = 'model-a@8';
    const loaded = loadHnswVectorIndex(path);
    assert.notEqual(loaded?.meta, expected);
    assert.equal(loaded?.meta, 'model-a@7');
  });

  it('keeps a loaded index writable (replace and remove work), a viewed one read-only', () => {
    const path = join(folder, 'writable.hnsw');
    saveHnswVectorIndex(built(), path, 'm');
    const loaded = loadHnswVectorIndex(path)?.index;
    assert.ok(loaded !== undefined);
    loaded.add([rows[300] as number], [queries[0] as Float32Array]);
    assert.equal(loaded.search(queries[0] as Float32Array, 1)[0]?.row, rows[300]);
    loaded.remove([rows[300] as number]);
    assert.equal(loaded.has(rows[300] as number), false);
    const viewed = loadHnswVectorIndex(path, { view: true })?.index;
    assert.throws(() => viewed?.add([1], [queries[0] as Float32Array]), (error) => isGroundedError(error, 'INTERNAL'));
    assert.throws(() => viewed?.remove([rows[300] as number]), (error) => isGroundedError(error, 'INTERNAL'));
  });

  it('replaces a saved index atomically and deletes the previous graph file', () => {
    const path = join(folder, 'twice.hnsw');
    const first = saveHnswVectorIndex(built(), path, 'one');
    const smaller = createHnswVectorIndex({ dimensions });
    smaller.add(rows.slice(0, 10), vectors.slice(0, 10));
    const second = saveHnswVectorIndex(smaller, path, 'two');
    assert.notEqual(second.graphPath, first.graphPath);
    assert.deepEqual(readdirSync(folder).filter((name) => name.startsWith('twice.hnsw')).sort(), ['twice.hnsw', second.graphPath.slice(folder.length + 1)].sort());
    const loaded = loadHnswVectorIndex(path);
    assert.equal(loaded?.meta, 'two');
    assert.equal(loaded?.index.size, 10);
  });

  it('throws STORE_CORRUPT on a damaged manifest, a missing or truncated graph, or a changed graph byte', () => {
    const index = built();
    const save = (name: string) => saveHnswVectorIndex(index, join(folder, name), 'm');

    const garbage = join(folder, 'garbage.hnsw');
    writeFileSync(garbage, 'not an index at all, just some bytes padded out to length............');
    assert.throws(() => loadHnswVectorIndex(garbage), storeCorrupt);

    const flipped = save('flipped-manifest.hnsw');
    const manifest = readFileSync(flipped.path);
    manifest[manifest.length - 40] = (manifest[manifest.length - 40] ?? 0) ^ 0xff;
    writeFileSync(flipped.path, manifest);
    assert.throws(() => loadHnswVectorIndex(flipped.path), storeCorrupt);

    const missing = save('missing-graph.hnsw');
    rmSync(missing.graphPath);
    assert.throws(() => loadHnswVectorIndex(missing.path), storeCorrupt);

    const truncated = save('truncated.hnsw');
    truncateSync(truncated.graphPath, statSync(truncated.graphPath).size - 100);
    assert.throws(() => loadHnswVectorIndex(truncated.path, { verify: false }), storeCorrupt);

    const changed = save('changed.hnsw');
    const graph = readFileSync(changed.graphPath);
    graph[graph.length - 5] = (graph[graph.length - 5] ?? 0) ^ 0xff;
    writeFileSync(changed.graphPath, graph);
    assert.throws(() => loadHnswVectorIndex(changed.path), storeCorrupt);
  });
  it('checks the checksum of a memory-mapped graph changed since its save, and skips it for one left as saved', () => {
    const saved = saveHnswVectorIndex(built(), join(folder, 'mapped.hnsw'), 'm');
    assert.equal(loadHnswVectorIndex(saved.path, { view: true })?.meta, 'm');
    const graph = readFileSync(saved.graphPath);
    // Same size and header: only the checksum can tell (usearch itself segfaults on some such graphs).
    const middle = Math.floor(graph.length / 2);
    graph.fill(0xff, middle, middle + 64);
    writeFileSync(saved.graphPath, graph);
    assert.throws(() => loadHnswVectorIndex(saved.path, { view: true }), (error: unknown) => storeCorrupt(error) && /checksum/.test(String(error)));
  });

  it('deletes graph and temporary files of earlier saves that no manifest names, once they are old', () => {
    const path = join(folder, 'orphans.hnsw');
    const first = saveHnswVectorIndex(built(), path, 'one');
    // The manifest is lost: its graph is named by nothing any more.
    rmSync(path);
    assert.equal(loadHnswVectorIndex(path), undefined);
    const stale = join(folder, 'orphans.hnsw.0123456789ab.tmp');
    writeFileSync(stale, 'an interrupted save');
    const old = (Date.now() - orphanAgeMs - 60_000) / 1000;
    utimesSync(first.graphPath, old, old);
    utimesSync(stale, old, old);
    // A concurrent save's graph, not committed yet: young, so it is left alone.
    const young = join(folder, 'orphans.hnsw.ba9876543210.usearch');
    writeFileSync(young, 'being written');
    const second = saveHnswVectorIndex(built(), path, 'two');
    const left = readdirSync(folder).filter((name) => name.startsWith('orphans.hnsw')).sort();
    assert.deepEqual(left, ['orphans.hnsw', second.graphPath.slice(folder.length + 1), 'orphans.hnsw.ba9876543210.usearch'].sort());
    assert.equal(loadHnswVectorIndex(path)?.meta, 'two');
  });
});
