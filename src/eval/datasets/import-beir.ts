import type { GoldenCase } from '../../core/golden-case.js';
import { readBeirFolder } from './read-beir-folder.js';

/**
 * Converts a BEIR folder's judged queries for one split into a golden set: one case per query with at least one
 * positively judged document (grade > 0), kind `answerable`, no answers (BEIR judges retrieval only), sources = the
 * judged documents without quotes (the whole document is the evidence), tags `['beir']`. The corpus is the folder's
 * own `corpus.jsonl[.gz]` (returned as `corpusPath`; ingest it as is). Throws what `readBeirFolder` throws.
 *
 * @example
 * const { cases, corpusPath } = importBeir('../shared/datasets/beir-scifact', 'test');
 */
export function importBeir(dir: string, split: string): { cases: GoldenCase[]; corpusPath: string } {
  const { queries, qrels, corpusPath } = readBeirFolder(dir, split);
  const cases: GoldenCase[] = [];
  for (const [id, judged] of qrels) {
    const question = queries.get(id);
    const docs = [...judged].filter(([, grade]) => grade > 0).map(([doc]) => doc);
    if (question === undefined || docs.length === 0) continue;
    cases.push({ id, question, answers: [], sources: docs.map((doc) => ({ doc })), kind: 'answerable', tags: ['beir'] });
  }
  return { cases, corpusPath };
}
