import { resolve } from 'node:path';
import { renderHtmlReport } from '../app/evaluation-types.js';
import { openKnowledgeBase, type AnswerStrategy, type RetrievalPreset } from '../app/open-knowledge-base.js';
import { configuredJudge } from '../app/configured-judge.js';
import { runEvaluation } from '../app/run-evaluation.js';
import type { Register } from './command-context.js';
import { evalGroup } from './eval-group.js';
import { exitCodes } from './exit-code-for.js';
import { checkReportTarget } from './check-report-target.js';
import { writeReportFile } from './write-report-file.js';
import { formatEvalSummary } from './format-eval-summary.js';
import { parsePositiveInteger } from './parse-positive-integer.js';
import { parsePresets } from './parse-presets.js';
import { parseStrategies } from './parse-strategy.js';

/** `grounded eval run --golden FILE [--report FILE.html]`: scores the knowledge base and stores the run. */
export const evalRunCommand: Register = (program, run) => {
  evalGroup(program)
    .command('run')
    .description('score the knowledge base against a golden set; the run is stored in its history')
    .requiredOption('--golden <file>', 'golden set (JSON Lines, see docs/golden-set.md)')
    .option('--report <file>', 'also write a self-contained HTML report (several strategies side by side)')
    .option('--force', 'with --report: replace an existing file that is not a grounded report')
    .option('--judge', 'also judge claim-level faithfulness with the configured language model')
    .option('--repeat <n>', 'judge each answer n times and report the spread (with --judge)', parsePositiveInteger)
    .option('--strategy <names>', 'rag (default), long-context, closed-book; comma-separated to compare them in one command', parseStrategies)
    .option('--preset <names>', 'retrieval: lexical, hybrid, hybrid-rerank; comma-separated to compare them in one command', parsePresets)
    .action(
      run(
        async (
          context,
          options: { golden: string; report?: string; force?: boolean; strategy?: AnswerStrategy[]; preset?: RetrievalPreset[]; judge?: boolean; repeat?: number },
        ) => {
        const reportTarget = { dataDir: context.config.dataDir, force: options.force === true };
        // Before the run: a report that cannot be written should not cost a whole evaluation first.
        if (options.report !== undefined) checkReportTarget(resolve(context.io.cwd, options.report), reportTarget);
        const judge = options.judge === true ? { model: configuredJudge(context.config), repeats: options.repeat ?? 1 } : undefined;
        const outcomes = [];
        const knowledgeBase = openKnowledgeBase({ config: context.config, kb: context.kb });
        try {
          for (const strategy of options.strategy ?? ['rag']) {
            for (const preset of options.preset ?? [undefined]) {
              outcomes.push(
                await runEvaluation({
                  knowledgeBase,
                  golden: resolve(context.io.cwd, options.golden),
                  strategy,
                  ...(preset === undefined ? {} : { preset }),
                  ...(judge === undefined ? {} : { judge }),
                }),
              );
            }
          }
        } finally {
          await knowledgeBase.close();
        }
        const reports = outcomes.map((outcome) => outcome.report);
        if (options.report !== undefined) writeReportFile(resolve(context.io.cwd, options.report), renderHtmlReport(reports), reportTarget);
        if (context.json) {
          const documents = outcomes.map((outcome) => ({
            ...outcome.report,
            problems: { golden: outcome.goldenProblems, evidence: outcome.evidenceProblems },
          }));
          context.io.stdout(`${JSON.stringify(documents.length === 1 ? documents[0] : { runs: documents })}\n`);
        } else {
          for (const report of reports) context.io.stdout(formatEvalSummary(report));
          if (options.report !== undefined) context.io.stdout(`report written to ${options.report}\n`);
        }
        const [first] = outcomes;
        for (const problem of first?.goldenProblems ?? []) context.io.stderr(`golden set line ${problem.line}: ${problem.reason}\n`);
        for (const problem of first?.evidenceProblems ?? []) context.io.stderr(`case ${problem.caseId}: ${problem.doc}: ${problem.reason}\n`);
        return exitCodes.ok;
        },
      ),
    );
};
