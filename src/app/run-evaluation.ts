import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AnswerStrategy } from '../core/answerer.js';
import type { ChatModel } from '../core/chat-model.js';
import { GroundedError } from '../core/errors.js';
import { readGoldenSet } from '../eval/datasets/read-golden-set.js';
import type { EvalRunReport } from '../eval/eval-run-report.js';
import { runGoldenEval, type EvidenceProblem } from '../eval/run-golden-eval.js';
import type { KnowledgeBase, RetrievalPreset } from './knowledge-base/knowledge-base.js';

/** A finished run: the report (already saved in the history) and what could not be scored as written. */
export interface EvaluationOutcome {
  readonly report: EvalRunReport;
  readonly goldenProblems: readonly { line: number; reason: string }[];
  readonly evidenceProblems: readonly EvidenceProblem[];
}

/** What {@link runEvaluation} scores. */
export interface RunEvaluationOptions {
  readonly knowledgeBase: KnowledgeBase;
  /** Path of the golden set (JSON Lines). */
  readonly golden: string;
  /** Default `rag`. */
  readonly strategy?: AnswerStrategy;
  /** Retrieval preset; default the knowledge base's. */
  readonly preset?: RetrievalPreset;
  /** Judge claim-level faithfulness with this model, `repeats` times per answer. */
  readonly judge?: { readonly model: ChatModel; readonly repeats: number };
  readonly now?: () => Date;
}

/** The code version recorded in run fingerprints. */
const codeVersion = `grounded@${(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version}`;

/**
 * Scores a knowledge base against a golden set and stores the run in its history with a fingerprint of what
 * produced it (corpus, chunker, retriever, answerer, golden set, code version: ids and settings, never credentials).
 * Throws `KB_NOT_FOUND` for a knowledge base never synced, `NOT_READY` for an empty one.
 *
 * @example
 * const { report } = await runEvaluation({ knowledgeBase: kb, golden: 'golden.jsonl' });
 */
export async function runEvaluation(options: RunEvaluationOptions): Promise<EvaluationOutcome> {
  const kb = options.knowledgeBase;
  const strategy = options.strategy ?? 'rag';
  const preset = options.preset === undefined ? {} : { preset: options.preset };
  const golden = resolve(options.golden);
  const { cases, problems: goldenProblems } = readGoldenSet(golden);
  if ((await kb.store.counts()).chunks === 0) {
    throw new GroundedError('NOT_READY', `knowledge base '${kb.name}' is empty`, {
      hint: `ingest the corpus of the golden set first: grounded ingest --kb ${kb.name} PATH`,
    });
  }
  const { judge } = options;
  // Scoring looks texts up synchronously: the golden set's documents, read in one batch (a judge reads what was
  // retrieved too, so every document).
  const texts = judge === undefined
    ? await kb.documentTexts([...new Set(cases.flatMap((entry) => entry.sources.map((source) => source.doc)))])
    : new Map((await kb.store.documents.all()).map((document) => [document.key, document.text]));
  const result = await runGoldenEval(
    cases,
    {
      // The system retrieves what it is configured to: a smaller retrieval.k shows up as lower recall.
      retrieve: (question, k) => kb.search(question, { k: Math.min(k, kb.defaults.k), ...preset }),
      answer: async (question) => {
        const answer = await kb.answer(question, { strategy, ...preset });
        // Only rag measures answerability; the constant 1 of the other strategies is no prediction to calibrate.
        return answer.answerabilityFeatures === undefined ? { ...answer, answerability: null } : answer;
      },
      documentText: (key) => texts.get(key),
    },
    { answerDepth: kb.defaults.passages, ...(judge === undefined ? {} : { judge: { model: judge.model, repeats: judge.repeats } }) },
  );
  const createdAt = (options.now ?? (() => new Date()))();
  const { problems: evidenceProblems, ...scores } = result;
  const report: EvalRunReport = {
    runId: `${createdAt.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, '')}-${randomBytes(3).toString('hex')}`,
    createdAt: createdAt.toISOString(),
    kb: kb.name,
    golden,
    fingerprint: {
      ...(await kb.settings(strategy, options.preset)),
      goldenHash: createHash('sha256').update(readFileSync(golden)).digest('hex').slice(0, 16),
      codeVersion,
      ...(judge === undefined ? {} : { judge: `${judge.model.provider}:${judge.model.modelId} x${judge.repeats}` }),
    },
    ...scores,
  };
  await kb.store.runs.save({
    id: report.runId,
    createdAt: report.createdAt,
    golden,
    summary: {
      cases: report.cases,
      recallAt5: report.retrieval.recallAt5,
      correct: report.answer.correct,
      abstentionF1: report.abstention.f1,
      citationPrecision: report.citations.precision,
      failures: Object.values(report.failures).reduce((sum, count) => sum + count, 0),
    },
    report: JSON.stringify(report),
  });
  return { report, goldenProblems, evidenceProblems };
}
