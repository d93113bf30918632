import { z } from 'zod';
import { GroundedError } from '../../core/errors.js';
import type { GoldenCase, GoldenSource } from '../../core/golden-case.js';
import type { CorpusRecord, ImportedDataset } from './imported-dataset.js';
import { readTextFile } from './read-text-file.js';
import { safeDocId } from './safe-doc-id.js';
import { sentenceSpanAt } from './sentence-span-at.js';

const squadSchema = z.object({
  data: z.array(
    z.object({
      title: z.string(),
      paragraphs: z.array(
        z.object({
          context: z.string(),
          qas: z.array(
            z.object({
              id: z.union([z.string(), z.number()]),
              question: z.string(),
              answers: z.array(z.object({ text: z.string(), answer_start: z.number().int() })),
              is_impossible: z.boolean().optional(),
            }),
          ),
        }),
      ),
    }),
  ),
});

type SquadQuestion = z.infer<typeof squadSchema>['data'][number]['paragraphs'][number]['qas'][number];

/**
 * Converts a SQuAD v2.0 file (`dev-v2.0.json` or `.json.gz`) into a golden set and its corpus.
 *
 * - corpus: one document per paragraph, `_id` = `${articleTitle}#${paragraphIndex}` made safe (see `safeDocId`),
 *   title = the article title with `_` as spaces, text = the paragraph as is;
 * - answerable questions: kind `answerable`, answers = the unique answer texts in annotator order, sources = one source,
 *   the paragraph, with `quote` = the sentence holding the answer (from the first to the last such sentence when
 *   annotators' answers sit in different sentences; widened to the whole answer if the splitter cut through it),
 *   tags = [article title];
 * - `is_impossible` questions: kind `unanswerable`, no answers, no sources.
 *
 * Throws `PATH_NOT_FOUND` for a missing file and `INVALID_DATA` when the file is not SQuAD JSON.
 *
 * @example
 * const { corpus, cases } = importSquadV2('../shared/datasets/squad-v2-cs224n-dev/dev-v2.0.json.gz');
 */
export function importSquadV2(file: string): ImportedDataset {
  const parsed = squadSchema.safeParse(parseJson(file));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new GroundedError('INVALID_DATA', `${file} is not SQuAD v2.0 JSON: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(), {
      details: { path: file },
      hint: 'expected {"data": [{"title", "paragraphs": [{"context", "qas": [...]}]}]}',
    });
  }
  const corpus: CorpusRecord[] = [];
  const cases: GoldenCase[] = [];
  for (const article of parsed.data.data) {
    for (const [index, paragraph] of article.paragraphs.entries()) {
      const doc = safeDocId(article.title, index);
      corpus.push({ _id: doc, title: article.title.replace(/_/g, ' '), text: paragraph.context });
      for (const question of paragraph.qas) cases.push(toCase(question, doc, paragraph.context, article.title));
    }
  }
  return { corpus, cases };
}

function parseJson(file: string): unknown {
  try {
    return JSON.parse(readTextFile(file));
  } catch (error) {
    if (error instanceof GroundedError) throw error;
    throw new GroundedError('INVALID_DATA', `${file} is not valid JSON: ${(error as Error).message}`, {
      details: { path: file },
      hint: 'point at the official dev-v2.0.json (gzip is fine)',
    });
  }
}

function toCase(question: SquadQuestion, doc: string, context: string, title: string): GoldenCase {
  const base = { id: String(question.id), question: question.question.trim(), tags: [title] };
  if (question.is_impossible === true || question.answers.length === 0) {
    return { ...base, answers: [], sources: [], kind: 'unanswerable' };
  }
  const answers = [...new Set(question.answers.map((answer) => answer.text.trim()).filter((text) => text !== ''))];
  // One contiguous quote covering every annotator's answer sentence: the evaluation counts the share of sources found,
  // so alternatives must not become separate sources.
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const answer of question.answers) {
    const start = answerOffset(context, answer.text, answer.answer_start);
    if (start === undefined) continue;
    const span = sentenceSpanAt(context, start, start + answer.text.length);
    from = Math.min(from, span.start);
    to = Math.max(to, span.end);
  }
  const sources: GoldenSource[] = to > from ? [{ doc, quote: context.slice(from, to) }] : [{ doc }];
  return { ...base, answers, sources, kind: 'answerable' };
}

/** Where the answer sits: `answer_start` when it points at the text, else the occurrence nearest to it. */
function answerOffset(context: string, text: string, answerStart: number): number | undefined {
  if (text.trim() === '') return undefined;
  if (context.startsWith(text, answerStart)) return answerStart;
  let best: number | undefined;
  for (let at = context.indexOf(text); at >= 0; at = context.indexOf(text, at + 1)) {
    if (best === undefined || Math.abs(at - answerStart) < Math.abs(best - answerStart)) best = at;
  }
  return best;
}
