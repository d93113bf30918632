import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { formatAdviceText, interviewProfile, renderAdviceReport, type InterviewIo } from '../app/advice-types.js';
import { loadAdvisorProfile } from '../app/load-advisor-profile.js';
import { runAdvisor } from '../app/run-advisor.js';
import { GroundedError } from '../core/errors.js';
import { writeReportFile } from './write-report-file.js';
import type { Register } from './command-context.js';
import { exitCodes } from './exit-code-for.js';

/**
 * `grounded advise [--profile FILE] [--interview] [--json] [--report FILE.html]`: RAG, fine-tune, hybrid or leave
 * it, from the use-case profile and the knowledge base's latest eval runs (docs/advisor.md). `--interview` reads its
 * answers from `io.stdin`; with `--json` the questions go to stderr so stdout carries only the JSON document.
 */
export const adviseCommand: Register = (program, run) => {
  program
    .command('advise')
    .description('recommend RAG, retrieval work, prompting, fine-tuning, hybrid, long-context or nothing, from a profile and measured eval runs')
    .option('--profile <file>', 'use-case profile, YAML or JSON (every field optional; see docs/advisor.md)')
    .option('--interview', 'ask each profile question on the terminal (the profile file, if any, gives the defaults)')
    .option('--report <file>', 'also write a self-contained HTML report with the cost-vs-volume chart')
    .option('--force', 'with --report: replace an existing file that is not a grounded report')
    .action(
      run(async (context, options: { profile?: string; interview?: boolean; report?: string; force?: boolean }) => {
        let profile = loadAdvisorProfile(options.profile, context.io.cwd);
        if (options.interview === true) {
          const input = context.io.stdin;
          if (input === undefined) {
            throw new GroundedError('INVALID_ARGUMENT', '--interview has no standard input to read answers from', {
              hint: 'run it in a terminal or pipe the answers in, or write the answers in a file for --profile',
            });
          }
          const reader = lineReader(input, context.json ? context.io.stderr : context.io.stdout);
          try {
            profile = await interviewProfile(profile, reader);
          } finally {
            reader.close();
          }
        }
        const report = await runAdvisor({ config: context.config, kb: context.kb, profile });
        if (options.report !== undefined) writeReportFile(resolve(context.io.cwd, options.report), renderAdviceReport(report), { dataDir: context.config.dataDir, force: options.force === true });
        if (context.json) {
          context.io.stdout(`${JSON.stringify(report)}\n`);
        } else {
          context.io.stdout(formatAdviceText(report));
          if (options.report !== undefined) context.io.stdout(`report written to ${options.report}\n`);
        }
        return exitCodes.ok;
      }),
    );
};

function lineReader(input: Readable, write: (text: string) => void): InterviewIo & { close(): void } {
  const lines = createInterface({ input, crlfDelay: Infinity, terminal: false })[Symbol.asyncIterator]();
  return {
    write,
    ask: async (prompt) => {
      write(prompt);
      const next = await lines.next();
      return next.done === true ? null : next.value;
    },
    close: () => void lines.return?.(),
  };
}
