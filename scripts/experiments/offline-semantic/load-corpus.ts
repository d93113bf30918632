import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openKnowledgeBase } from '../../../src/app/open-knowledge-base.js';
import { loadConfig } from '../../../src/config/load-config.js';
import type { Chunk, ScoredChunk } from '../../../src/core/document.js';
import type { Analyzer, LexicalIndex } from '../../../src/core/lexical-index.js';
import { decodeBm25Postings } from '../../../src/indexing/lexical/bm25-postings.js';
import { buildBm25Index } from '../../../src/indexing/lexical/build-bm25-index.js';
import { createAnalyzer } from '../../../src/indexing/lexical/create-analyzer.js';
import type { Rm3Collection } from './expand-query/expand-query-rm3.js';
import { searchLexical } from './search-lexical.js';

/** A corpus ingested by the product, with what the experiment's retrievers read. */
export interface Corpus {
  readonly name: string;
  readonly analyzer: Analyzer;
  /** The product's BM25F index: weighted queries (RM3's expanded terms) are part of its contract. */
  readonly index: LexicalIndex;
  /** Document frequencies, read from the index's postings, for RM3's term filter. */
  readonly collection: Rm3Collection;
  readonly rows: readonly number[];
  readonly chunks: ReadonlyMap<number, Chunk>;
  /** Body and title terms merged, per row. */
  readonly terms: ReadonlyMap<number, ReadonlyMap<string, number>>;
  readonly documentText: (key: string) => string | undefined;
  /** Baseline through the product's lexical search function (searchLexical over the store). */
  readonly productSearch: (query: string, k: number) => ScoredChunk[];
  readonly close: () => Promise<void>;
}

/** Ingests with the product's default configuration into a throwaway store and reads back what the index sees. */
export async function loadCorpus(name: string, paths: readonly string[]): Promise<Corpus> {
  const dataDir = mkdtempSync(join(tmpdir(), `grounded-offline-semantic-${name}-`));
  const config = loadConfig({ cwd: dataDir, env: {}, overrides: { dataDir } });
  const kb = openKnowledgeBase({ config, kb: name });
  await kb.sync(paths);
  const { rows: indexRows } = await kb.store.chunks.indexRows();
  const index = buildBm25Index(indexRows, {
    k1: config.lexical.k1,
    b: config.lexical.b,
    ...(config.lexical.titleWeight === undefined ? {} : { titleWeight: config.lexical.titleWeight }),
  });
  const { termIds, offsets } = decodeBm25Postings(index.toSnapshot());
  const collection: Rm3Collection = {
    size: index.size,
    documentFrequency: (term) => {
      const id = termIds.get(term);
      return id === undefined ? 0 : (offsets[id + 1] ?? 0) - (offsets[id] ?? 0);
    },
  };
  const rows = indexRows.map((row) => row.row);
  const chunks = await kb.store.chunks.byRows(rows);
  const texts = new Map((await kb.store.documents.all()).map((document) => [document.key, document.text]));
  const terms = new Map<number, Map<string, number>>();
  for (const row of indexRows) {
    const merged = new Map(row.body.terms);
    for (const [term, count] of row.title.terms) merged.set(term, (merged.get(term) ?? 0) + count);
    terms.set(row.row, merged);
  }
  const analyzer = createAnalyzer({ stemmer: config.lexical.stemmer, stopWords: config.lexical.stopWords });
  return {
    name,
    analyzer,
    index,
    collection,
    rows,
    chunks,
    terms,
    documentText: (key) => texts.get(key),
    productSearch: (query, k) => searchLexical({ chunks, analyzer, index }, query, k),
    close: async () => {
      await kb.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
