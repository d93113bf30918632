import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { GroundedConfig } from '../config/config-schema.js';
import { GroundedError } from '../core/errors.js';
import { readBeirFolder } from '../eval/datasets/read-beir-folder.js';
import { scoreRankedRetrieval, type RankedRetrievalScores } from '../eval/score-ranked-retrieval.js';
import { rankDocuments } from '../retrieve/rank-documents.js';
import { openKnowledgeBase, type RetrievalPreset } from './open-knowledge-base.js';

/** The `eval beir --json` shape (see docs/cli.md). */
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
    await kb.search('warm up the index', { k: 1, ...(options.preset === undefined ? {} : { preset: options.preset }) });
    const indexMs = performance.now() - started;
    const scores = await scoreRankedRetrieval(data.queries, data.qrels, async (text) =>
      rankDocuments(await kb.search(text, { k: chunkDepth, ...(options.preset === undefined ? {} : { preset: options.preset }) }), 100),
    );
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
