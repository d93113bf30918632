import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openKnowledgeBase } from '../src/app/open-knowledge-base.js';
import { loadConfig } from '../src/config/load-config.js';
import { percentile } from '../src/eval/metrics/percentile.js';
import { syntheticCorpus, syntheticQueries } from './synthetic-corpus.js';

const chunkCount = 100_000;
const queryCount = 600;
const round = (value: number, digits = 3): number => Number(value.toFixed(digits));

async function writeCorpus(path: string): Promise<void> {
  const out = createWriteStream(path);
  for (const chunk of syntheticCorpus({ chunks: chunkCount, seed: 7 })) {
    const line = `${JSON.stringify({ _id: `s${chunk.id}`, title: chunk.title, text: chunk.text })}\n`;
    if (!out.write(line)) await new Promise<void>((done) => out.once('drain', () => done()));
  }
  await new Promise<void>((done, fail) => out.end((error?: Error | null) => (error ? fail(error) : done())));
}

async function time(call: (query: string) => Promise<unknown>, queries: readonly string[]): Promise<{ p50Ms: number; p95Ms: number }> {
  for (const query of queries.slice(0, 100)) await call(query);
  const latencies: number[] = [];
  for (const query of queries.slice(100)) {
    const started = performance.now();
    await call(query);
    latencies.push(performance.now() - started);
  }
  return { p50Ms: round(percentile(latencies, 50)), p95Ms: round(percentile(latencies, 95)) };
}

/**
 * Search and offline answering through the knowledge base API at 100k chunks (lexical preset): `search` (top 10) and
 * `answer` (retrieval, answerability signals and gate, the extractive reader, citation checks), p50 and p95 over 500
 * questions after 100 warm-up ones, interleaved in one process so machine noise hits both alike.
 *
 * @example
 * node --import tsx bench/ask.ts
 * // { "chunks": 100000, "search": { "p50Ms": ..., "p95Ms": ... }, "answer": { ... } }
 */
export default async function run(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'grounded-bench-ask-'));
  try {
    const corpus = join(dir, 'corpus.jsonl');
    await writeCorpus(corpus);
    const kb = openKnowledgeBase({ config: loadConfig({ overrides: { dataDir: join(dir, 'data') } }), kb: 'bench' });
    const ingestStarted = performance.now();
    await kb.sync([corpus]);
    const ingestMs = performance.now() - ingestStarted;
    const questions = syntheticQueries(queryCount, 3);
    const search = await time((query) => kb.search(query, { k: 10 }), questions);
    const answer = await time((query) => kb.answer(query), questions);
    await kb.close();
    return { chunks: chunkCount, ingestMs: Math.round(ingestMs), questions: queryCount - 100, search, answer };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await run(), null, 2));
}
