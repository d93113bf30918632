import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { GroundedError } from '../core/errors.js';
import { importBeir } from '../eval/datasets/import-beir.js';
import { importClapnq } from '../eval/datasets/import-clapnq.js';
import { importSquadV2 } from '../eval/datasets/import-squad-v2.js';
import { writeJsonl } from '../eval/datasets/write-jsonl.js';

/** Formats `eval import` reads. */
export const importFormats = ['squad-v2', 'clapnq', 'beir'] as const;
export type ImportFormat = (typeof importFormats)[number];

/** What an import wrote. */
export interface ImportOutcome {
  readonly golden: string;
  /** The corpus to ingest before `eval run` (the BEIR folder's own corpus for BEIR). */
  readonly corpus: string;
  readonly cases: number;
  readonly unanswerable: number;
  readonly documents: number | null;
}

/**
 * Converts a public dataset into a golden set (`golden.jsonl`) and, where the dataset bundles its passages, a corpus
 * (`corpus.jsonl`, `{"_id","title","text"}`) in `outDir`.
 *
 * @example
 * importGoldenSet('squad-v2', '../shared/datasets/squad-v2-cs224n-dev/dev-v2.0.json.gz', 'eval/squad');
 */
export function importGoldenSet(format: ImportFormat, source: string, outDir: string, options: { split?: string } = {}): ImportOutcome {
  const from = resolve(source);
  if (!existsSync(from)) {
    throw new GroundedError('PATH_NOT_FOUND', `no such file or directory: ${source}`, { hint: 'check the dataset path' });
  }
  mkdirSync(outDir, { recursive: true });
  const golden = join(outDir, 'golden.jsonl');
  if (format === 'beir') {
    const split = options.split ?? 'test';
    const { cases } = importBeir(from, split);
    writeJsonl(golden, cases);
    const corpus = ['corpus.jsonl', 'corpus.jsonl.gz'].map((name) => join(from, name)).find((path) => existsSync(path)) ?? from;
    return { golden, corpus, cases: cases.length, unanswerable: 0, documents: null };
  }
  const { corpus: documents, cases } =
    format === 'squad-v2'
      ? importSquadV2(from)
      : importClapnq(join(from, 'clapnq_dev_answerable.jsonl'), join(from, 'clapnq_dev_unanswerable.jsonl'));
  const corpus = join(outDir, 'corpus.jsonl');
  writeJsonl(corpus, documents);
  writeJsonl(golden, cases);
  return {
    golden,
    corpus,
    cases: cases.length,
    unanswerable: cases.filter((golden) => golden.kind === 'unanswerable').length,
    documents: documents.length,
  };
}
