import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { GroundedConfig } from '../config/config-schema.js';
import { GroundedError } from '../core/errors.js';
import { readBeirFolder } from '../eval/datasets/read-beir-folder.js';
import { scoreRankedRetrieval, type RankedRetrievalScores } from '../eval/score-ranked-retrieval.js';
import { openKnowledgeBase, type RetrievalPreset } from './open-knowledge-base.js';

/** The `eval beir --json` shape (see docs/cli.md). Query latencies are timed after one warm-up pass over the queries. */
export interface BeirReport extends RankedRetrievalScores {
  readonly dataset: string;
  readonly split: string;
  readonly docs: number;
  readonly chunks: number;
  /** Ingest plus index build, in milliseconds. */
  readonly indexMs: number;
  readonly preset: RetrievalPreset;
}

/** Chunks fetched per query before collapsing to 100 documents: documents split into several chunks need room. */
const chunkDepth = 300;

/**
 * Builds a throwaway knowledge base from a BEIR folder's corpus with the given configuration (same ingest, chunking
 * and retrieval as a real knowledge base), runs the split's judged queries and reports retrieval metrics.
 * The temporary store is deleted afterwards.
 *
 * @example
 * const report = await evaluateBeir('../shared/datasets/beir-scifact', 'test', loadConfig());
 */
export async function evaluateBeir(
  dir: string,
  split: string,
  config: GroundedConfig,
  options: { readonly preset?: RetrievalPreset } = {},
): Promise<BeirReport> {
  const folder = resolve(dir);
  const data = readBeirFolder(folder, split);
  const dataDir = mkdtempSync(join(tmpdir(), 'grounded-beir-'));
  const kb = openKnowledgeBase({ config: { ...config, dataDir }, kb: 'beir' });
  try {
    const started = performance.now();
    const sync = await kb.sync([data.corpusPath]);
    if (sync.totalDocuments === 0) {
      throw new GroundedError('INVALID_DATA', `no documents could be read from ${data.corpusPath}`, {
        hint: 'check the corpus format: one {"_id", "title", "text"} object per line',
      });
    }
    const preset = options.preset === undefined ? {} : { preset: options.preset };
    await kb.searchDocuments('warm up the index', { k: 1, ...preset });
    const indexMs = performance.now() - started;
    // Rows map to document keys in memory (read once): per query, no chunk is read from the store.
    const searchDocuments = (text: string): Promise<string[]> => kb.searchDocuments(text, { k: 100, depth: chunkDepth, ...preset });
    // One untimed pass first, as the peers harness (../shared/bench/peers) does: latencies are then those of a warm
    // process, not of the JIT compiling the search path during the first queries.
    for (const id of data.qrels.keys()) await searchDocuments(data.queries.get(id) ?? '');
    const scores = await scoreRankedRetrieval(data.queries, data.qrels, searchDocuments);
    return {
      dataset: basename(folder),
      split,
      docs: sync.totalDocuments,
      chunks: sync.totalChunks,
      indexMs,
      preset: options.preset ?? kb.defaultPreset,
      ...scores,
    };
  } finally {
    await kb.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
