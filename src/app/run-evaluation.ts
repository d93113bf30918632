import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { GroundedConfig } from '../config/config-schema.js';
import { GroundedError } from '../core/errors.js';
import { readGoldenSet } from '../eval/datasets/read-golden-set.js';
import type { EvalRunReport } from '../eval/eval-run-report.js';
import { runGoldenEval, type EvidenceProblem } from '../eval/run-golden-eval.js';
import { createChatModel } from './create-chat-model.js';
import { createKnowledgeBase, type AnswerStrategy, type RetrievalPreset } from './create-knowledge-base.js';

/** A finished run: the report (already saved in the history) and what could not be scored as written. */
export interface EvaluationOutcome {
  readonly report: EvalRunReport;
  readonly goldenProblems: readonly { line: number; reason: string }[];
  readonly evidenceProblems: readonly EvidenceProblem[];
}

/** The code version recorded in run fingerprints. */
const codeVersion = `grounded@${(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version}`;

/**
 * Scores a knowledge base against a golden set and stores the run in its history with a fingerprint of what
 * produced it (corpus, chunker, retriever, answerer, golden set, code version).
 *
 * @example
 * const { report } = await runEvaluation({ config, kb: 'docs', golden: 'golden.jsonl' });
 */
export async function runEvaluation(options: {
  readonly config: GroundedConfig;
  readonly kb: string;
  readonly golden: string;
  /** Default `rag`. */
  readonly strategy?: AnswerStrategy;
  /** Retrieval preset; default the knowledge base's. */
  readonly preset?: RetrievalPreset;
  /** Judge claim-level faithfulness with the configured language model, `repeats` times per answer. */
  readonly judge?: { readonly repeats: number };
  readonly now?: () => Date;
}): Promise<EvaluationOutcome> {
  const strategy = options.strategy ?? 'rag';
  const preset = options.preset === undefined ? {} : { preset: options.preset };
  const judge = options.judge === undefined ? undefined : createChatModel(options.config);
  if (options.judge !== undefined && judge === undefined) {
    throw new GroundedError('INVALID_CONFIG', 'a judged run needs a language model', {
      hint: 'set GROUNDED_LLM_PROVIDER and GROUNDED_LLM_MODEL (and GROUNDED_LLM_BASE_URL / GROUNDED_LLM_API_KEY)',
    });
  }
  const golden = resolve(options.golden);
  const { cases, problems: goldenProblems } = readGoldenSet(golden);
  const kb = createKnowledgeBase({ config: options.config, kb: options.kb });
  try {
    kb.store.requireKnowledgeBase(options.kb);
    if (kb.store.counts(options.kb).chunks === 0) {
      throw new GroundedError('NOT_READY', `knowledge base '${options.kb}' is empty`, {
        hint: `ingest the corpus of the golden set first: grounded ingest --kb ${options.kb} PATH`,
      });
    }
    const result = await runGoldenEval(
      cases,
      {
        // The system retrieves what it is configured to: a smaller retrieval.k shows up as lower recall.
        retrieve: (question, k) => kb.search(question, { k: Math.min(k, options.config.retrieval.k), ...preset }),
        answer: async (question) => {
          const answer = await kb.answer(question, { strategy, ...preset });
          // Only rag measures answerability; the constant 1 of the other strategies is no prediction to calibrate.
          return answer.answerabilityFeatures === undefined ? { ...answer, answerability: null } : answer;
        },
        documentText: kb.documentText,
      },
      { answerDepth: options.config.answer.passages, ...(judge === undefined ? {} : { judge: { model: judge, repeats: options.judge?.repeats ?? 1 } }) },
    );
    const createdAt = (options.now ?? (() => new Date()))();
    const { problems: evidenceProblems, ...scores } = result;
    const report: EvalRunReport = {
      runId: `${createdAt.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, '')}-${randomBytes(3).toString('hex')}`,
      createdAt: createdAt.toISOString(),
      kb: options.kb,
      golden,
      fingerprint: {
        ...kb.settings(strategy, options.preset),
        goldenHash: createHash('sha256').update(readFileSync(golden)).digest('hex').slice(0, 16),
        codeVersion,
        ...(judge === undefined ? {} : { judge: `${judge.provider}:${judge.modelId} x${options.judge?.repeats ?? 1}` }),
      },
      ...scores,
    };
    kb.store.saveEvalRun(options.kb, {
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
  } finally {
    kb.close();
  }
}
