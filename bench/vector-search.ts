import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { VectorIndex, VectorSearchOptions } from '../src/core/vector-index.js';
import { createExactVectorIndex } from '../src/indexing/vector/create-exact-vector-index.js';
import { createHnswVectorIndex } from '../src/indexing/vector/create-hnsw-vector-index.js';
import { loadHnswVectorIndex } from '../src/indexing/vector/load-hnsw-vector-index.js';
import { saveHnswVectorIndex } from '../src/indexing/vector/save-hnsw-vector-index.js';
import { clusteredVectors } from './clustered-vectors.js';

const COUNT = 100_000;
const DIMENSIONS = 384;
const CLUSTERS = 1_000;
// Members of a cluster sit at cosine ~0.5 from each other: harder for HNSW than tight clusters (spread 0.5 gives
// recall 1.0 here), still far from the uniform-random worst case.
const SPREAD = 1;
const QUERIES = 500;
const WARM_UP = 50;
const FILTERED_QUERIES = 100;
const K = 10;

function percentile(sorted: readonly number[], fraction: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

const round = (value: number, digits = 3): number => Number(value.toFixed(digits));
const megabytes = (bytes: number): number => round(bytes / 2 ** 20, 1);

/** Runs every query once (after a warm-up on the first few) and returns the hit rows and latency percentiles. */
function timeQueries(index: VectorIndex, queries: readonly Float32Array[], options: VectorSearchOptions = {}) {
  for (const query of queries.slice(0, Math.min(WARM_UP, queries.length))) index.search(query, K, options);
  const latencies: number[] = [];
  const results = queries.map((query) => {
    const start = performance.now();
    const hits = index.search(query, K, options);
    latencies.push(performance.now() - start);
    return hits.map((hit) => hit.row);
  });
  latencies.sort((left, right) => left - right);
  return { results, p50: round(percentile(latencies, 0.5)), p95: round(percentile(latencies, 0.95)) };
}

function recall(found: readonly number[][], truth: readonly number[][]): number {
  let hits = 0;
  let wanted = 0;
  found.forEach((rows, position) => {
    const expected = new Set(truth[position]);
    wanted += expected.size;
    hits += rows.filter((row) => expected.has(row)).length;
  });
  return round(hits / wanted, 4);
}

/**
 * Dense retrieval at 100k x 384 clustered unit vectors (1,000 seeded Gaussian clusters; 500 queries drawn near
 * the clusters, never copies of data): exact and HNSW query latency, HNSW build time and recall@10 against exact,
 * the same with a filter accepting 10% of rows, memory, and save/load time and file size.
 *
 * @example
 * node --import tsx bench/vector-search.ts
 * // { "vectors": 100000, "exactQueryP50Ms": ..., "hnswRecallAt10": ..., ... }
 */
export default async function run(): Promise<Record<string, unknown>> {
  const generateStart = performance.now();
  const { vectors, queries } = clusteredVectors({ count: COUNT, dimensions: DIMENSIONS, clusters: CLUSTERS, queries: QUERIES, spread: SPREAD, seed: 1 });
  const generateMs = performance.now() - generateStart;
  // Sparse rows, as SQLite rowids after deletions would be.
  const rows = vectors.map((_, position) => position * 3 + 1);
  const accept = (row: number): boolean => row % 10 === 1;

  const rssStart = process.memoryUsage().rss;
  const exact = createExactVectorIndex({ dimensions: DIMENSIONS, initialCapacity: COUNT });
  exact.add(rows, vectors);
  const exactRuns = timeQueries(exact, queries);
  const exactFiltered = timeQueries(exact, queries.slice(0, FILTERED_QUERIES), { accept });
  const rssAfterExact = process.memoryUsage().rss;

  const buildStart = performance.now();
  const hnsw = createHnswVectorIndex({ dimensions: DIMENSIONS });
  hnsw.add(rows, vectors);
  const buildMs = performance.now() - buildStart;
  const rssAfterHnsw = process.memoryUsage().rss;
  const hnswRuns = timeQueries(hnsw, queries);
  const hnswFiltered = timeQueries(hnsw, queries.slice(0, FILTERED_QUERIES), { accept });

  const folder = mkdtempSync(join(tmpdir(), 'grounded-bench-vectors-'));
  try {
    const path = join(folder, 'vectors.hnsw');
    const saveStart = performance.now();
    const saved = saveHnswVectorIndex(hnsw, path, 'bench@1');
    const saveMs = performance.now() - saveStart;
    const loadStart = performance.now();
    const loaded = loadHnswVectorIndex(path);
    const loadMs = performance.now() - loadStart;
    const viewStart = performance.now();
    const viewed = loadHnswVectorIndex(path, { view: true, verify: false });
    const viewMs = performance.now() - viewStart;
    const viewedRuns = viewed === undefined ? undefined : timeQueries(viewed.index, queries);
    const loadedSame = loaded !== undefined && queries.slice(0, 50).every((query, position) =>
      loaded.index.search(query, K).every((hit, rank) => hit.row === hnswRuns.results[position]?.[rank]));

    return {
      vectors: hnsw.size,
      dimensions: DIMENSIONS,
      clusters: CLUSTERS,
      spread: SPREAD,
      queries: QUERIES,
      generateMs: round(generateMs, 0),
      exactQueryP50Ms: exactRuns.p50,
      exactQueryP95Ms: exactRuns.p95,
      exactFilteredQueryP50Ms: exactFiltered.p50,
      hnswSettings: hnsw.settings,
      hnswBuildMs: round(buildMs, 0),
      hnswQueryP50Ms: hnswRuns.p50,
      hnswQueryP95Ms: hnswRuns.p95,
      hnswRecallAt10: recall(hnswRuns.results, exactRuns.results),
      hnswFilteredQueryP50Ms: hnswFiltered.p50,
      hnswFilteredQueryP95Ms: hnswFiltered.p95,
      hnswFilteredRecallAt10: recall(hnswFiltered.results, exactFiltered.results),
      exactIndexMb: megabytes(COUNT * DIMENSIONS * 4),
      exactRssDeltaMb: megabytes(rssAfterExact - rssStart),
      hnswRssDeltaMb: megabytes(rssAfterHnsw - rssAfterExact),
      rssMb: megabytes(process.memoryUsage().rss),
      saveMs: round(saveMs, 0),
      fileMb: megabytes(saved.bytes),
      loadMs: round(loadMs, 0),
      loadedSameResults: loadedSame,
      viewMs: round(viewMs, 1),
      viewedQueryP50Ms: viewedRuns?.p50,
      viewedQueryP95Ms: viewedRuns?.p95,
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await run(), null, 2));
}
