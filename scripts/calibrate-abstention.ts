// Calibrates the extractive answerer's abstention threshold on data (see docs/abstention.md).
// Calibration set: SQuAD v2 dev (answerable and unanswerable questions over their own paragraphs).
// ClapNQ dev (answerable and unanswerable questions over the 600 passages of the two files), and documentation QA:
// the Traefik docs with the repository's 30-case golden set. Each set is also scored with a threshold calibrated
// on the other sets only (leave one set out).
// Prints JSON: the chosen threshold and the figures on both sets. Run: npm run calibrate
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { createKnowledgeBase } from '../src/app/create-knowledge-base.js';
import { loadConfig } from '../src/config/load-config.js';

interface LabelledQuestion {
  readonly question: string;
  readonly answerable: boolean;
}
interface Passage {
  readonly id: string;
  readonly title: string;
  readonly text: string;
}

const datasets = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'datasets');

function squad(): { passages: Passage[]; questions: LabelledQuestion[] } {
  const raw = JSON.parse(gunzipSync(readFileSync(join(datasets, 'squad-v2-cs224n-dev', 'dev-v2.0.json.gz'))).toString()) as {
    data: { title: string; paragraphs: { context: string; qas: { question: string; is_impossible: boolean }[] }[] }[];
  };
  const passages: Passage[] = [];
  const questions: LabelledQuestion[] = [];
  for (const article of raw.data) {
    for (const [index, paragraph] of article.paragraphs.entries()) {
      passages.push({ id: `${article.title}#${index}`, title: article.title, text: paragraph.context });
      for (const qa of paragraph.qas) questions.push({ question: qa.question, answerable: !qa.is_impossible });
    }
  }
  return { passages, questions };
}

function clapnq(): { passages: Passage[]; questions: LabelledQuestion[] } {
  const passages: Passage[] = [];
  const questions: LabelledQuestion[] = [];
  for (const [file, answerable] of [
    ['clapnq_dev_answerable.jsonl', true],
    ['clapnq_dev_unanswerable.jsonl', false],
  ] as const) {
    for (const line of readFileSync(join(datasets, 'clapnq-dev', file), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const record = JSON.parse(line) as { id: string; input: string; passages: { title: string; text: string }[] };
      for (const [index, passage] of record.passages.entries()) {
        passages.push({ id: `${record.id}#${index}`, title: passage.title, text: passage.text });
      }
      questions.push({ question: record.input, answerable });
    }
  }
  return { passages, questions };
}

/** Documentation QA: the Traefik docs with the repository's hand-written golden set (answerable, synthesis, unanswerable). */
function traefik(): { folder: string; questions: LabelledQuestion[] } {
  const golden = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'golden', 'traefik-docs.jsonl');
  const questions = readFileSync(golden, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { question: string; kind: string })
    .map((record) => ({ question: record.question, answerable: record.kind !== 'unanswerable' }));
  return { folder: join(datasets, 'traefik-docs', 'docs'), questions };
}

async function confidences(name: string, data: { passages?: Passage[]; folder?: string; questions: LabelledQuestion[] }) {
  const dir = mkdtempSync(join(tmpdir(), `grounded-calibrate-${name}-`));
  try {
    let corpus = data.folder ?? join(dir, `${name}.jsonl`);
    if (data.passages !== undefined) {
      corpus = join(dir, `${name}.jsonl`);
      writeFileSync(corpus, data.passages.map((p) => JSON.stringify({ _id: p.id, title: p.title, text: p.text })).join('\n'));
    }
    const config = loadConfig({ overrides: { dataDir: join(dir, 'data'), answer: { minConfidence: 0 } } });
    const kb = createKnowledgeBase({ config, kb: name });
    await kb.sync([corpus]);
    const scored: { answerable: boolean; confidence: number }[] = [];
    for (const q of data.questions) scored.push({ answerable: q.answerable, confidence: (await kb.answer(q.question)).confidence });
    kb.close();
    return scored;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Abstention quality at a threshold: abstain when confidence < threshold. */
function figuresAt(scored: { answerable: boolean; confidence: number }[], threshold: number) {
  let tp = 0; // abstained on an unanswerable question
  let fp = 0; // abstained on an answerable one
  let fn = 0; // answered an unanswerable one
  let tn = 0;
  for (const { answerable, confidence } of scored) {
    const abstain = confidence < threshold;
    if (abstain && !answerable) tp += 1;
    else if (abstain) fp += 1;
    else if (!answerable) fn += 1;
    else tn += 1;
  }
  const f1 = (a: number, b: number, c: number): number => (a === 0 ? 0 : (2 * a) / (2 * a + b + c));
  const abstainF1 = f1(tp, fp, fn);
  const answerF1 = f1(tn, fn, fp);
  return {
    threshold,
    abstainPrecision: tp + fp === 0 ? 0 : tp / (tp + fp),
    abstainRecall: tp + fn === 0 ? 0 : tp / (tp + fn),
    abstainF1,
    overRefusal: fp + tn === 0 ? 0 : fp / (fp + tn),
    macroF1: (abstainF1 + answerF1) / 2,
  };
}

const round = (value: number): number => Number(value.toFixed(4));
const thresholds = Array.from({ length: 101 }, (_, step) => step / 100);
type Scored = { answerable: boolean; confidence: number }[];

/** The threshold with the best mean macro-F1 over the sets: the middle of the plateau within 0.005 of the best. */
function choose(sets: readonly Scored[]): number {
  const objective = thresholds.map((t) => sets.reduce((sum, set) => sum + figuresAt(set, t).macroF1, 0) / sets.length);
  const best = Math.max(...objective);
  const plateau = thresholds.filter((_, index) => (objective[index] ?? 0) >= best - 0.005);
  return plateau[Math.floor(plateau.length / 2)] ?? 0.5;
}

const describe = (figures: ReturnType<typeof figuresAt>) =>
  Object.fromEntries(Object.entries(figures).map(([key, value]) => [key, round(value)]));
const sets = {
  'squad-v2-dev': await confidences('squad', squad()),
  'clapnq-dev': await confidences('clapnq', clapnq()),
  'traefik-docs-golden': await confidences('traefik', traefik()),
};
const chosen = choose(Object.values(sets));
const perSet = Object.fromEntries(
  Object.entries(sets).map(([name, scored]) => {
    const others = Object.entries(sets).filter(([other]) => other !== name).map(([, set]) => set);
    const leaveOneOut = choose(others);
    return [
      name,
      {
        questions: scored.length,
        atChosen: describe(figuresAt(scored, chosen)),
        // Calibrated without this set, scored on it: how well the method transfers to unseen data.
        heldOut: describe(figuresAt(scored, leaveOneOut)),
      },
    ];
  }),
);
console.log(
  JSON.stringify(
    {
      chosenThreshold: chosen,
      objective: 'mean over sets of the macro-F1 of abstaining vs answering (abstain when confidence < threshold)',
      sets: perSet,
    },
    null,
    2,
  ),
);
