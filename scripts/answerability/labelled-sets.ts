// The labelled sets the answerability model is fitted and tested on: SQuAD v2 dev and ClapNQ dev (answerable and
// unanswerable questions over their own passages) and the repository's documentation golden sets (Traefik, NATS).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export interface LabelledQuestion {
  readonly id: string;
  readonly question: string;
  readonly answerable: boolean;
  readonly kind: string;
}
export interface Passage {
  readonly id: string;
  readonly title: string;
  readonly text: string;
}
export interface LabelledSet {
  readonly name: string;
  /** A folder to ingest, or passages written to a JSON Lines corpus. */
  readonly folder?: string;
  readonly passages?: readonly Passage[];
  readonly questions: readonly LabelledQuestion[];
  /** Documentation sets are the ones the product is judged on. */
  readonly documentation: boolean;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const datasets = resolve(root, '..', 'shared', 'datasets');

export function squadSet(): LabelledSet {
  const raw = JSON.parse(gunzipSync(readFileSync(join(datasets, 'squad-v2-cs224n-dev', 'dev-v2.0.json.gz'))).toString()) as {
    data: { title: string; paragraphs: { context: string; qas: { id: string; question: string; is_impossible: boolean }[] }[] }[];
  };
  const passages: Passage[] = [];
  const questions: LabelledQuestion[] = [];
  for (const article of raw.data) {
    for (const [index, paragraph] of article.paragraphs.entries()) {
      passages.push({ id: `${article.title}#${index}`, title: article.title, text: paragraph.context });
      for (const qa of paragraph.qas) {
        questions.push({ id: qa.id, question: qa.question, answerable: !qa.is_impossible, kind: qa.is_impossible ? 'unanswerable' : 'answerable' });
      }
    }
  }
  return { name: 'squad-v2-dev', passages, questions, documentation: false };
}

export function clapnqSet(): LabelledSet {
  const passages: Passage[] = [];
  const questions: LabelledQuestion[] = [];
  for (const [file, answerable] of [
    ['clapnq_dev_answerable.jsonl', true],
    ['clapnq_dev_unanswerable.jsonl', false],
  ] as const) {
    for (const line of readFileSync(join(datasets, 'clapnq-dev', file), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const record = JSON.parse(line) as { id: string; input: string; passages: { title: string; text: string }[] };
      for (const [index, passage] of record.passages.entries()) passages.push({ id: `${record.id}#${index}`, title: passage.title, text: passage.text });
      questions.push({ id: record.id, question: record.input, answerable, kind: answerable ? 'answerable' : 'unanswerable' });
    }
  }
  return { name: 'clapnq-dev', passages, questions, documentation: false };
}

/** A golden set of the repository over a corpus folder of ../shared/datasets; undefined when the file is missing. */
export function goldenSet(name: string, golden: string, corpus: string): LabelledSet | undefined {
  const file = join(root, 'test', 'fixtures', 'golden', golden);
  if (!existsSync(file)) return undefined;
  const questions = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { id: string; question: string; kind: string })
    .map((record) => ({ id: record.id, question: record.question, answerable: record.kind !== 'unanswerable', kind: record.kind }));
  return { name, folder: join(datasets, corpus), questions, documentation: true };
}
