// Fits the shipped answerability model (src/answer/answerability/default-answerability-model.ts) on labelled sets
// and reports, for every set, the figures of a model fitted WITHOUT that set (the ones that count) next to the
// shipped model's. Method and results: docs/abstention.md. Run: npm run fit-answerability [-- --features FILE]
// (--features caches the collected signals in FILE, so refitting after a change to the fit alone takes seconds).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answerabilityFeatureNames, type AnswerabilityFeatureName } from '../src/core/answerability-features.js';
import type { AnswerabilityModel } from '../src/core/answerability-model.js';
import { abstentionScores } from '../src/eval/metrics/abstention-scores.js';
import { predictAnswerability } from '../src/answer/answerability/predict-answerability.js';
import { fitAnswerabilityModel, type AnswerabilityExample } from '../src/tune/fit-answerability-model.js';
import { collectFeatures, type FeatureRow } from './answerability/collect-features.js';
import { clapnqSet, goldenSet, squadSet, type LabelledSet } from './answerability/labelled-sets.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cacheArg = process.argv.indexOf('--features');
const cache = cacheArg >= 0 ? process.argv[cacheArg + 1] : undefined;

function sets(): LabelledSet[] {
  return [
    squadSet(),
    clapnqSet(),
    goldenSet('traefik-docs-golden', 'traefik-docs.jsonl', join('traefik-docs', 'docs')),
    goldenSet('nats-docs-golden', 'nats-docs.jsonl', join('nats-docs', 'docs')),
  ].filter((set): set is LabelledSet => set !== undefined);
}

async function rows(): Promise<FeatureRow[]> {
  if (cache !== undefined && existsSync(cache)) return JSON.parse(readFileSync(cache, 'utf8')) as FeatureRow[];
  const collected: FeatureRow[] = [];
  for (const set of sets()) {
    const started = performance.now();
    collected.push(...(await collectFeatures(set)));
    console.error(`${set.name}: ${set.questions.length} questions in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  if (cache !== undefined) writeFileSync(cache, JSON.stringify(collected));
  return collected;
}

/** Each set weighs the same in total, whatever its size: SQuAD's 6,000 questions must not drown 80 documentation ones. */
function examples(from: readonly FeatureRow[]): AnswerabilityExample[] {
  const sizes = new Map<string, number>();
  for (const row of from) sizes.set(row.set, (sizes.get(row.set) ?? 0) + 1);
  // Scaled so the weights average 1: the L2 penalty then means the same whatever the number of sets.
  const scale = from.length / sizes.size;
  return from.map((row) => ({ features: row.features, answerable: row.answerable, weight: scale / (sizes.get(row.set) ?? 1) }));
}

function figures(model: AnswerabilityModel, from: readonly FeatureRow[], threshold = model.threshold) {
  const scores = abstentionScores(
    from.map((row) => ({ shouldAbstain: !row.answerable, abstained: predictAnswerability(model, row.features) < threshold })),
  );
  const round = (value: number): number => Number(value.toFixed(3));
  return {
    threshold,
    abstainPrecision: round(scores.precision),
    abstainRecall: round(scores.recall),
    abstainF1: round(scores.f1),
    overRefusal: round(scores.overRefusal),
  };
}

/**
 * The signals the shipped model may weigh. Left out: `queryLength`, whose sign flips between sets (written questions
 * are longer when answerable in the documentation sets, shorter in ClapNQ), an artefact of how a set was written that
 * would not transfer; and the dense and rerank signals, which no set here has (no model weights are reachable).
 */
const unfitted = new Set<AnswerabilityFeatureName>(['queryLength', 'hasDense', 'denseTop', 'agreement', 'hasRerank', 'rerankTop']);
const fitted = answerabilityFeatureNames.filter((name) => !unfitted.has(name));

const all = await rows();
const names = [...new Set(all.map((row) => row.set))];
const shipped = fitAnswerabilityModel(examples(all), { source: `shipped: fitted on ${names.join(', ')}`, features: fitted });
const perSet = Object.fromEntries(
  names.map((name) => {
    const mine = all.filter((row) => row.set === name);
    const heldOut = fitAnswerabilityModel(examples(all.filter((row) => row.set !== name)), { source: `without ${name}`, features: fitted });
    return [
      name,
      {
        questions: mine.length,
        unanswerable: mine.filter((row) => !row.answerable).length,
        heldOut: { ...figures(heldOut, mine), modelGate: figures(heldOut, mine, heldOut.modelThreshold), model: { intercept: heldOut.intercept, weights: heldOut.weights } },
        shipped: { ...figures(shipped, mine), modelGate: figures(shipped, mine, shipped.modelThreshold) },
      },
    ];
  }),
);
const results = { createdAt: new Date().toISOString().slice(0, 10), model: shipped, sets: perSet };
writeFileSync(join(root, 'scripts', 'fit-answerability.results.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(
  join(root, 'src', 'answer', 'answerability', 'default-answerability-model.ts'),
  `import type { AnswerabilityModel } from '../../core/answerability-model.js';

/**
 * The shipped answerability model. Written by \`npm run fit-answerability\` (scripts/fit-answerability.ts), which fits
 * it on labelled sets and reports held-out figures (scripts/fit-answerability.results.json); see docs/abstention.md.
 * Do not edit by hand: re-run the script when the features or the sets change.
 */
export const defaultAnswerabilityModel: AnswerabilityModel = ${JSON.stringify(shipped, null, 2).replace(/"(\w+)":/g, '$1:').replace(/"/g, "'")};
`,
);
console.log(JSON.stringify(results, null, 2));
