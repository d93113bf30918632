import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderHtmlReport } from '../app/evaluation-types.js';
import { runEvaluation } from '../app/run-evaluation.js';
import type { Register } from './command-context.js';
import { evalGroup } from './eval-group.js';
import { exitCodes } from './exit-code-for.js';
import { formatEvalSummary } from './format-eval-summary.js';

/** `grounded eval run --golden FILE [--report FILE.html]`: scores the knowledge base and stores the run. */
export const evalRunCommand: Register = (program, run) => {
  evalGroup(program)
    .command('run')
    .description('score the knowledge base against a golden set; the run is stored in its history')
    .requiredOption('--golden <file>', 'golden set (JSON Lines, see shared/specs/golden-set.md)')
    .option('--report <file>', 'also write a self-contained HTML report')
    .action(
      run(async (context, options: { golden: string; report?: string }) => {
        const outcome = await runEvaluation({ config: context.config, kb: context.kb, golden: resolve(context.io.cwd, options.golden) });
        const { report } = outcome;
        if (options.report !== undefined) writeFileSync(resolve(context.io.cwd, options.report), renderHtmlReport([report]));
        if (context.json) {
          context.io.stdout(`${JSON.stringify({ ...report, problems: { golden: outcome.goldenProblems, evidence: outcome.evidenceProblems } })}\n`);
        } else {
          context.io.stdout(formatEvalSummary(report));
          if (options.report !== undefined) context.io.stdout(`report written to ${options.report}\n`);
        }
        for (const problem of outcome.goldenProblems) context.io.stderr(`golden set line ${problem.line}: ${problem.reason}\n`);
        for (const problem of outcome.evidenceProblems) context.io.stderr(`case ${problem.caseId}: ${problem.doc}: ${problem.reason}\n`);
        return exitCodes.ok;
      }),
    );
};
