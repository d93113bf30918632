import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openKnowledgeBase } from '../src/app/open-knowledge-base.js';
import { loadConfig } from '../src/config/load-config.js';
import type { Embedder } from '../src/core/embedder.js';
import { percentile } from '../src/eval/metrics/percentile.js';
import { clusteredVectors } from './clustered-vectors.js';
import { syntheticCorpus, syntheticQueries } from './synthetic-corpus.js';

const chunkCount = 100_000;
const dimensions = 384;
const round = (value: number, digits = 1): number => Number(value.toFixed(digits));

/** FNV-1a: spreads texts over the generated vectors deterministically. */
function hashText(text: string): number {
  let hash = 2166136261;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 16777619);
  return hash >>> 0;
}

/**
 * An in-process embedder over seeded clustered vectors: a text's vector is fixed by its hash. It costs nothing, so
 * the figures are the product's own (fusion, index, store); a real model's query embedding adds its own latency.
 */
function clusteredEmbedder(): Embedder {
  const { vectors, queries } = clusteredVectors({ count: chunkCount, dimensions, clusters: 1_000, queries: 2_000, seed: 11 });
  return {
    provider: 'bench',
    modelId: 'clustered',
    id: 'bench:clustered-384',
    dimensions,
    maxBatchSize: 1_024,
    embed(texts, options) {
      const pool = options?.kind === 'query' ? queries : vectors;
      return Promise.resolve(texts.map((text) => pool[hashText(text) % pool.length] ?? new Float32Array(dimensions)));
    },
  };
}

async function writeCorpus(path: string): Promise<void> {
  const out = createWriteStream(path);
  for (const chunk of syntheticCorpus({ chunks: chunkCount, seed: 7 })) {
    // Ten top-level folders, so a path filter has something to select.
    const line = `${JSON.stringify({ _id: `part-${chunk.id % 10}/s${chunk.id}`, title: chunk.title, text: chunk.text })}\n`;
    if (!out.write(line)) await new Promise<void>((done) => out.once('drain', () => done()));
  }
  await new Promise<void>((done, fail) => out.end((error?: Error | null) => (error ? fail(error) : done())));
}

async function timeSearches(search: (query: string) => Promise<unknown>, queries: readonly string[]): Promise<number[]> {
  for (const query of queries.slice(0, 100)) await search(query);
  const latencies: number[] = [];
  for (const query of queries.slice(100)) {
    const started = performance.now();
    await search(query);
    latencies.push(performance.now() - started);
  }
  return latencies;
}

const summary = (latencies: readonly number[]) => ({
  p50Ms: round(percentile(latencies, 50), 3),
  p95Ms: round(percentile(latencies, 95), 3),
  p99Ms: round(percentile(latencies, 99), 3),
});

/**
 * Hybrid retrieval through the knowledge base API at 100k chunks x 384 dimensions: ingest with an embedding pass,
 * the HNSW build and save, then in a fresh knowledge base (a new process's view) the index load and the latency of
 * `lexical`, `hybrid` (BM25 + HNSW, RRF) and filtered `hybrid` searches, each fetching its chunks from SQLite.
 */
export default async function run(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'grounded-bench-hybrid-'));
  try {
    const corpus = join(dataDir, 'corpus.jsonl');
    await writeCorpus(corpus);
    const embedder = clusteredEmbedder();
    const config = loadConfig({ env: {}, overrides: { dataDir: join(dataDir, 'data') } });
    const ingesting = openKnowledgeBase({ config, kb: 'bench', embedder });
    const started = performance.now();
    const report = await ingesting.sync([corpus]);
    const ingestMs = performance.now() - started;
    await ingesting.close();

    const kb = openKnowledgeBase({ config, kb: 'bench', embedder });
    const loadStarted = performance.now();
    await kb.search('warm up', { k: 1, preset: 'hybrid' });
    const firstHybridSearchMs = performance.now() - loadStarted;
    const queries = syntheticQueries(1_100, 5);
    const lexical = await timeSearches((query) => kb.search(query, { k: 10, preset: 'lexical' }), queries);
    const hybrid = await timeSearches((query) => kb.search(query, { k: 10, preset: 'hybrid' }), queries);
    const filtered = await timeSearches(
      (query) => kb.search(query, { k: 10, preset: 'hybrid', filter: { pathPrefixes: ['part-3/'] } }),
      queries.slice(0, 600),
    );
    await kb.close();
    return {
      chunks: report.totalChunks,
      dimensions,
      ingestWithEmbeddingAndHnswMs: round(ingestMs),
      embeddingPassMs: round(report.embedding?.ms ?? 0),
      firstHybridSearchMs: round(firstHybridSearchMs),
      lexical: summary(lexical),
      hybrid: summary(hybrid),
      hybridFilteredTenPercent: summary(filtered),
      note: 'query embedding is an in-process lookup (0 ms): add your model latency; the figures are fusion + index + store',
      peakRssMb: round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await run(), null, 2));
}
