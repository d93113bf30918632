import type { GoldenCase } from '../../core/golden-case.js';

/** One corpus line in the BEIR layout that `grounded ingest` reads: `{"_id", "title", "text"}`. */
export interface CorpusRecord {
  readonly _id: string;
  readonly title: string;
  readonly text: string;
}

/** A public dataset converted to a golden set plus the passages it bundles (write both with `writeJsonl`). */
export interface ImportedDataset {
  readonly corpus: CorpusRecord[];
  readonly cases: GoldenCase[];
}
