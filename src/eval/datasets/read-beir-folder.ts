import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GroundedError } from '../../core/errors.js';

/** A BEIR folder's queries and judgments for one split; the corpus is ingested separately. */
export interface BeirSplit {
  /** Path of `corpus.jsonl` or `corpus.jsonl.gz`. */
  readonly corpusPath: string;
  /** Query id -> text, for the queries judged in the split only. */
  readonly queries: ReadonlyMap<string, string>;
  /** Query id -> (document id -> grade). */
  readonly qrels: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/**
 * Reads a BEIR folder (`corpus.jsonl[.gz]`, `queries.jsonl`, `qrels/SPLIT.tsv`). Throws `INVALID_DATA` naming the
 * missing file or the bad line.
 *
 * @example
 * const split = readBeirFolder('../shared/datasets/beir-scifact', 'test');
 */
export function readBeirFolder(dir: string, split: string): BeirSplit {
  const corpusPath = ['corpus.jsonl', 'corpus.jsonl.gz'].map((name) => join(dir, name)).find((path) => existsSync(path));
  if (corpusPath === undefined) throw missing(dir, 'corpus.jsonl or corpus.jsonl.gz');
  const qrelsPath = join(dir, 'qrels', `${split}.tsv`);
  if (!existsSync(qrelsPath)) throw missing(dir, `qrels/${split}.tsv`);
  const queriesPath = join(dir, 'queries.jsonl');
  if (!existsSync(queriesPath)) throw missing(dir, 'queries.jsonl');
  const qrels = readQrels(qrelsPath);
  const queries = new Map<string, string>();
  for (const [index, line] of readFileSync(queriesPath, 'utf8').split('\n').entries()) {
    if (line.trim() === '') continue;
    let record: { _id?: unknown; text?: unknown };
    try {
      record = JSON.parse(line) as { _id?: unknown; text?: unknown };
    } catch {
      throw invalid(queriesPath, index + 1, 'not valid JSON');
    }
    if (typeof record.text !== 'string' || record._id === undefined) {
      throw invalid(queriesPath, index + 1, 'expected {"_id", "text"}');
    }
    const id = String(record._id);
    if (qrels.has(id)) queries.set(id, record.text);
  }
  for (const id of qrels.keys()) {
    if (!queries.has(id)) throw invalid(qrelsPath, 0, `query '${id}' has judgments but no text in queries.jsonl`);
  }
  return { corpusPath, queries, qrels };
}

function readQrels(path: string): Map<string, Map<string, number>> {
  const qrels = new Map<string, Map<string, number>>();
  for (const [index, line] of readFileSync(path, 'utf8').split('\n').entries()) {
    const fields = line.trim().split('\t');
    if (fields.length < 3 || (index === 0 && fields[0] === 'query-id')) continue;
    const [queryId, docId, score] = fields as [string, string, string];
    const grade = Number(score);
    if (!Number.isFinite(grade)) throw invalid(path, index + 1, `score '${score}' is not a number`);
    const judged = qrels.get(queryId) ?? new Map<string, number>();
    judged.set(docId, grade);
    qrels.set(queryId, judged);
  }
  if (qrels.size === 0) throw invalid(path, 0, 'no judgments found');
  return qrels;
}

function missing(dir: string, what: string): GroundedError {
  return new GroundedError('INVALID_DATA', `${dir} is not a BEIR folder: ${what} is missing`, {
    hint: 'point at a folder with corpus.jsonl[.gz], queries.jsonl and qrels/<split>.tsv',
  });
}

function invalid(path: string, line: number, reason: string): GroundedError {
  const where = line > 0 ? `${path}:${line}` : path;
  return new GroundedError('INVALID_DATA', `${where}: ${reason}`, { details: { path, line } });
}
