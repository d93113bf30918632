import { basename, resolve } from 'node:path';
import { defaultAnswerabilityModel } from '../answer/answerability/default-answerability-model.js';
import { predictAnswerability } from '../answer/answerability/predict-answerability.js';
import type { GroundedConfig } from '../config/config-schema.js';
import type { AnswerabilityModel } from '../core/answerability-model.js';
import { GroundedError } from '../core/errors.js';
import type { GoldenCase } from '../core/golden-case.js';
import { readGoldenSet, type GoldenSetProblem } from '../eval/datasets/read-golden-set.js';
import { crossValidateAnswerability, type AnswerabilityCrossValidation } from '../tune/cross-validate-answerability.js';
import { fitAnswerabilityModel, type AnswerabilityExample } from '../tune/fit-answerability-model.js';
import { measureAbstention, type AbstentionFigures } from '../tune/measure-abstention.js';
import { openKnowledgeBase, type KnowledgeBase } from './open-knowledge-base.js';

/** Fewest cases worth tuning on: below this a fold holds 3 questions and the figures are noise. */
const minimumCases = 20;
/**
 * Below this many cases, or {@link fullFitPerClass} of either class, only the intercept is refitted: a small set can
 * say "this corpus answers more (or less) than the shipped sets", not how to weigh sixteen signals.
 */
const fullFitCases = 100;
const fullFitPerClass = 15;
/** L2 pull of a full fit toward the shipped coefficients (the shipped fit uses 1 on thousands of questions). */
const fullFitL2 = 5;

/** What `grounded tune answerability` fitted, how it does on held-out questions, and whether it was stored. */
export interface AnswerabilityTuning {
  readonly kb: string;
  /** Absolute path of the golden set. */
  readonly golden: string;
  /** Valid cases read (answerable and synthesis count as answerable). */
  readonly cases: number;
  readonly unanswerable: number;
  /** `intercept`: the shipped coefficients with a refitted intercept; `full`: every coefficient, shrunk toward the shipped ones. */
  readonly fit: 'intercept' | 'full';
  /** The fitted model, with its own thresholds, as stored. */
  readonly model: AnswerabilityModel;
  /** The shipped model's thresholds, for comparison. */
  readonly shipped: { readonly threshold: number; readonly modelThreshold: number };
  /** 5-fold figures: the shipped model (`before`) against the same fit made without each fold (`after`). */
  readonly crossValidation: AnswerabilityCrossValidation;
  /** The final model on the very cases it was fitted on (optimistic; the cross-validated figures are the ones that count). */
  readonly inSample: AbstentionFigures;
  /** False for a dry run. */
  readonly stored: boolean;
  /** Golden-set lines that were dropped or kept with a warning. */
  readonly goldenProblems: readonly GoldenSetProblem[];
}

/** Settings of {@link tuneAnswerability}. */
export interface TuneAnswerabilityOptions {
  readonly config: GroundedConfig;
  readonly kb: string;
  /** Golden set (JSON Lines); `answerable` is every kind but `unanswerable`. */
  readonly golden: string;
  /** Fit and report, but store nothing. */
  readonly dryRun?: boolean;
  /** The clock stamping the stored model; default the system clock. */
  readonly now?: () => Date;
}

/**
 * Calibrates a knowledge base's answerability gate on a golden set: asks every question (retrieval and features
 * only, no language model is called), fits the model (intercept only under 100 cases or 15 of either class, else
 * every coefficient shrunk toward the shipped model), cross-validates the fit in 5 stratified folds, and stores the
 * model under the name `answerability`, which `kb.answer` reads on every question. Changes nothing, and throws
 * `INVALID_DATA`, when the set has under 20 cases or lacks answerable or unanswerable ones; `KB_NOT_FOUND` or
 * `NOT_READY` for a missing or empty knowledge base.
 *
 * @example
 * const tuning = await tuneAnswerability({ config: loadConfig(), kb: 'docs', golden: 'golden.jsonl' });
 * console.log(tuning.crossValidation.before.overRefusal, '->', tuning.crossValidation.after.overRefusal);
 */
export async function tuneAnswerability(options: TuneAnswerabilityOptions): Promise<AnswerabilityTuning> {
  const golden = resolve(options.golden);
  const { cases, problems: goldenProblems } = readGoldenSet(golden);
  const unanswerable = cases.filter((entry) => entry.kind === 'unanswerable').length;
  refuseUnfitSet(basename(golden), cases.length, unanswerable);
  const fit = cases.length < fullFitCases || Math.min(unanswerable, cases.length - unanswerable) < fullFitPerClass ? 'intercept' : 'full';
  const source = `tuned: ${basename(golden)} (${cases.length} cases, ${fit === 'intercept' ? 'intercept only' : 'full'})`;
  const fitOn = (training: readonly AnswerabilityExample[]): AnswerabilityModel =>
    fitAnswerabilityModel(training, {
      source,
      base: defaultAnswerabilityModel,
      ...(fit === 'intercept' ? { interceptOnly: true } : { l2: fullFitL2 }),
    });
  // The signals are measured before any decision or generation: the offline answerer with the gate open sees the
  // same ones `ask` does, without calling (and paying) a configured language model for every question.
  const config: GroundedConfig = {
    ...options.config,
    llm: { ...options.config.llm, provider: 'extractive' },
    answer: { ...options.config.answer, minAnswerability: 0 },
  };
  const kb = openKnowledgeBase({ config, kb: options.kb });
  try {
    const examples = await collectExamples(kb, cases);
    const model = fitOn(examples);
    const crossValidation = crossValidateAnswerability(examples, { baseline: defaultAnswerabilityModel, fit: fitOn, predict: predictAnswerability });
    const inSample = measureAbstention(
      examples.map((example) => ({ answerable: example.answerable, abstained: predictAnswerability(model, example.features) < model.threshold })),
    );
    const stored = options.dryRun !== true;
    if (stored) await kb.store.tunedModels.put('answerability', JSON.stringify(model), (options.now ?? (() => new Date()))().toISOString());
    const { threshold, modelThreshold } = defaultAnswerabilityModel;
    return {
      kb: options.kb,
      golden,
      cases: cases.length,
      unanswerable,
      fit,
      model,
      shipped: { threshold, modelThreshold },
      crossValidation,
      inSample,
      stored,
      goldenProblems,
    };
  } finally {
    await kb.close();
  }
}

function refuseUnfitSet(file: string, cases: number, unanswerable: number): void {
  if (cases < minimumCases) {
    throw new GroundedError('INVALID_DATA', `${file} has ${cases} valid case(s); tuning answerability needs at least ${minimumCases}`, {
      details: { cases, minimum: minimumCases },
      hint: `add cases (answerable ones and ones the documents do not answer) until there are ${minimumCases}, then run it again`,
    });
  }
  const missing = unanswerable === 0 ? 'unanswerable' : unanswerable === cases ? 'answerable' : undefined;
  if (missing !== undefined) {
    throw new GroundedError('INVALID_DATA', `${file} has no ${missing} case; tuning answerability needs both kinds`, {
      details: { cases, unanswerable },
      hint:
        missing === 'unanswerable'
          ? 'add questions the documents do not answer, with "kind": "unanswerable", "answers": [] and "sources": []'
          : 'add questions the documents answer, with their "answers" or "sources"',
    });
  }
}

/** Asks every question of a (non-empty) knowledge base, keeping its answerability signals and its label. */
async function collectExamples(kb: KnowledgeBase, cases: readonly GoldenCase[]): Promise<AnswerabilityExample[]> {
  if ((await kb.store.counts()).chunks === 0) {
    throw new GroundedError('NOT_READY', `knowledge base '${kb.name}' is empty`, {
      hint: `ingest the corpus of the golden set first: grounded ingest --kb ${kb.name} PATH`,
    });
  }
  const examples: AnswerabilityExample[] = [];
  for (const golden of cases) {
    const { answerabilityFeatures } = await kb.answer(golden.question);
    if (answerabilityFeatures === undefined) throw new GroundedError('INTERNAL', 'a rag answer came without its answerability features');
    examples.push({ features: answerabilityFeatures, answerable: golden.kind !== 'unanswerable' });
  }
  return examples;
}
