import { z } from 'zod';
import { GroundedError } from '../../core/errors.js';
import type { GoldenCase, GoldenSource } from '../../core/golden-case.js';
import type { CorpusRecord, ImportedDataset } from './imported-dataset.js';
import { readTextFile } from './read-text-file.js';
import { safeDocId } from './safe-doc-id.js';

const clapnqRecordSchema = z.object({
  id: z.union([z.string(), z.number()]),
  input: z.string(),
  passages: z.array(z.object({ title: z.string(), text: z.string() })).min(1),
  output: z.array(z.object({ answer: z.string(), selected_sentences: z.array(z.string()).optional() })),
});

type ClapnqRecord = z.infer<typeof clapnqRecordSchema>;

/** Options of {@link importClapnq}. */
export interface ClapnqImportOptions {
  /**
   * Keep the annotators' long-form answers (about 46 words each) in `answers` and tag the case `long-form`.
   * Default false: a generated answer essentially never *contains* a 46-word reference, so "contains" correctness
   * would be 0 on every case and each answered case would count as a generation miss, drowning the useful signal.
   * Turn it on to get token F1 against the references (and read `correct` on the `long-form` tag as meaningless).
   */
  readonly longAnswers?: boolean;
}

/**
 * Converts the ClapNQ dev files (`clapnq_dev_answerable.jsonl`, `clapnq_dev_unanswerable.jsonl`; KILT-ELI5 style
 * `{id, input, passages: [{title, text, sentences}], output: [{answer, selected_sentences, meta}]}`) into a golden set
 * and the corpus of their passages.
 *
 * - corpus: one document per distinct passage (identical title and text are stored once), `_id` =
 *   `${title}#${n}` made safe, `n` counting distinct passages with that title in file order;
 * - answerable records: kind `answerable`, one source = the passage with `quote` running from the first to the last
 *   sentence any annotator selected (one contiguous span, verbatim; no quote when none was selected), answers empty
 *   unless `longAnswers` (see {@link ClapnqImportOptions});
 * - unanswerable records: kind `unanswerable`; their passage (same article, no answer) stays in the corpus as a
 *   distractor, which is what makes abstention testable.
 * Every case is tagged `clapnq`. Throws `PATH_NOT_FOUND` for a missing file and `INVALID_DATA` naming a bad line.
 *
 * @example
 * const dir = '../shared/datasets/clapnq-dev';
 * const { corpus, cases } = importClapnq(`${dir}/clapnq_dev_answerable.jsonl`, `${dir}/clapnq_dev_unanswerable.jsonl`);
 */
export function importClapnq(answerableFile: string, unanswerableFile: string, options: ClapnqImportOptions = {}): ImportedDataset {
  const corpus: CorpusRecord[] = [];
  const docOf = new Map<string, string>();
  const perTitle = new Map<string, number>();
  const docFor = (passage: { title: string; text: string }): string => {
    const identity = JSON.stringify([passage.title, passage.text]);
    let doc = docOf.get(identity);
    if (doc === undefined) {
      const n = perTitle.get(passage.title) ?? 0;
      perTitle.set(passage.title, n + 1);
      doc = safeDocId(passage.title, n);
      docOf.set(identity, doc);
      corpus.push({ _id: doc, title: passage.title, text: passage.text });
    }
    return doc;
  };
  const cases: GoldenCase[] = [];
  for (const record of readRecords(answerableFile)) {
    const passage = record.passages[0];
    if (passage === undefined) continue;
    cases.push(answerableCase(record, docFor(passage), passage.text, options.longAnswers === true));
  }
  for (const record of readRecords(unanswerableFile)) {
    for (const passage of record.passages) docFor(passage);
    cases.push({ id: String(record.id), question: record.input.trim(), answers: [], sources: [], kind: 'unanswerable', tags: ['clapnq'] });
  }
  return { corpus, cases };
}

function answerableCase(record: ClapnqRecord, doc: string, text: string, longAnswers: boolean): GoldenCase {
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const sentence of record.output.flatMap((output) => output.selected_sentences ?? [])) {
    const at = text.indexOf(sentence);
    if (sentence.trim() === '' || at < 0) continue;
    from = Math.min(from, at);
    to = Math.max(to, at + sentence.length);
  }
  const source: GoldenSource = to > from ? { doc, quote: text.slice(from, to).trim() } : { doc };
  const answers = longAnswers ? [...new Set(record.output.map((output) => output.answer.trim()).filter((answer) => answer !== ''))] : [];
  return {
    id: String(record.id),
    question: record.input.trim(),
    answers,
    sources: [source],
    kind: 'answerable',
    tags: longAnswers ? ['clapnq', 'long-form'] : ['clapnq'],
  };
}

function readRecords(file: string): ClapnqRecord[] {
  const records: ClapnqRecord[] = [];
  for (const [index, line] of readTextFile(file).split('\n').entries()) {
    if (line.trim() === '') continue;
    let parsed: ReturnType<typeof clapnqRecordSchema.safeParse>;
    try {
      parsed = clapnqRecordSchema.safeParse(JSON.parse(line));
    } catch (error) {
      throw invalid(file, index + 1, `malformed JSON: ${(error as Error).message}`);
    }
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw invalid(file, index + 1, `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid record'}`);
    }
    records.push(parsed.data);
  }
  return records;
}

function invalid(file: string, line: number, reason: string): GroundedError {
  return new GroundedError('INVALID_DATA', `${file}:${line}: ${reason}`, {
    details: { path: file, line },
    hint: 'expected ClapNQ JSON Lines: {"id", "input", "passages": [{"title", "text"}], "output": [{"answer", "selected_sentences"}]}',
  });
}
