import { pathToFileURL } from 'node:url';
import type { AnalyzedChunk } from '../src/core/lexical-index.js';
import { buildBm25Index } from '../src/indexing/lexical/build-bm25-index.js';
import { countTerms } from '../src/indexing/lexical/count-terms.js';
import { createAnalyzer } from '../src/indexing/lexical/create-analyzer.js';
import { decodeFieldTerms, encodeFieldTerms } from '../src/indexing/lexical/field-terms-codec.js';
import { syntheticCorpus, syntheticQueries } from './synthetic-corpus.js';

const CHUNKS = 100_000;
const QUERIES = 1_000;
const WARM_UP = 200;

function percentile(sorted: readonly number[], fraction: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

const round = (value: number, digits = 3): number => Number(value.toFixed(digits));

/**
 * Lexical search at 100k synthetic chunks: analysis speed, the stored-terms round trip a process
 * does at start-up (decode), index build time and query latency percentiles over 1,000 queries
 * after a warm-up.
 *
 * @example
 * node --import tsx bench/lexical-search.ts
 * // { "chunks": 100000, "buildMs": ..., "queryP50Ms": ..., "queryP95Ms": ..., ... }
 */
export default async function run(): Promise<Record<string, unknown>> {
  const analyzer = createAnalyzer();
  const corpus = syntheticCorpus({ chunks: CHUNKS, seed: 1 });

  let tokens = 0;
  const analyzeStart = performance.now();
  const analyzed = corpus.map((chunk) => {
    const body = analyzer.terms(chunk.text);
    const title = analyzer.terms(chunk.title);
    tokens += body.length + title.length;
    return { body: countTerms(body), title: countTerms(title) };
  });
  const analyzeMs = performance.now() - analyzeStart;

  const stored = analyzed.map((fields) => ({ body: encodeFieldTerms(fields.body), title: encodeFieldTerms(fields.title) }));
  const decodeStart = performance.now();
  const rows: AnalyzedChunk[] = stored.map((fields, index) => ({
    // Sparse rows, as SQLite rowids after deletions would be.
    row: index * 3 + 1,
    body: decodeFieldTerms(fields.body),
    title: decodeFieldTerms(fields.title),
  }));
  const decodeMs = performance.now() - decodeStart;

  const buildStart = performance.now();
  const index = buildBm25Index(rows);
  const buildMs = performance.now() - buildStart;

  const queries = syntheticQueries(WARM_UP + QUERIES, 2).map((query) => analyzer.terms(query));
  for (const query of queries.slice(0, WARM_UP)) index.search(query, 10);
  const latencies: number[] = [];
  for (const query of queries.slice(WARM_UP)) {
    const start = performance.now();
    index.search(query, 10);
    latencies.push(performance.now() - start);
  }
  latencies.sort((left, right) => left - right);

  return {
    chunks: index.size,
    tokensAnalyzed: tokens,
    analyzeTokensPerSecond: Math.round(tokens / (analyzeMs / 1000)),
    storedTermsMb: round(stored.reduce((sum, fields) => sum + fields.body.length + fields.title.length, 0) / 2 ** 20, 1),
    decodeMs: round(decodeMs, 1),
    buildMs: round(buildMs, 1),
    queries: latencies.length,
    queryP50Ms: round(percentile(latencies, 0.5)),
    queryP95Ms: round(percentile(latencies, 0.95)),
    queryP99Ms: round(percentile(latencies, 0.99)),
    heapUsedMb: round(process.memoryUsage().heapUsed / 2 ** 20, 1),
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await run(), null, 2));
}
