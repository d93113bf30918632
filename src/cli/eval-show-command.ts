import { resolve } from 'node:path';
import { openKnowledgeBase } from '../app/open-knowledge-base.js';
import { renderHtmlReport } from '../app/evaluation-types.js';
import { loadEvalRun } from '../app/load-eval-run.js';
import type { Register } from './command-context.js';
import { evalGroup } from './eval-group.js';
import { exitCodes } from './exit-code-for.js';
import { writeReportFile } from './write-report-file.js';
import { formatEvalSummary } from './format-eval-summary.js';

/** `grounded eval show RUN...`: a stored run (id, prefix, `latest`, `previous`); several side by side in a report. */
export const evalShowCommand: Register = (program, run) => {
  evalGroup(program)
    .command('show')
    .description('show stored runs (id, id prefix, latest or previous); --report puts several side by side')
    .argument('<runs...>', 'run ids')
    .option('--report <file>', 'write a self-contained HTML report of the runs')
    .option('--force', 'with --report: replace an existing file that is not a grounded report')
    .action(
      run(async (context, references: string[], options: { report?: string; force?: boolean }) => {
        const kb = openKnowledgeBase({ config: context.config, kb: context.kb });
        try {
          await kb.store.generation();
          const reports = [];
          for (const reference of references) reports.push(await loadEvalRun(kb.store, reference));
          if (options.report !== undefined) writeReportFile(resolve(context.io.cwd, options.report), renderHtmlReport(reports), { dataDir: context.config.dataDir, force: options.force === true });
          if (context.json) context.io.stdout(`${JSON.stringify(reports.length === 1 ? reports[0] : reports)}\n`);
          else for (const report of reports) context.io.stdout(formatEvalSummary(report));
          return exitCodes.ok;
        } finally {
          await kb.close();
        }
      }),
    );
};
