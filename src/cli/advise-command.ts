import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { formatAdviceText, interviewProfile, renderAdviceReport, type InterviewIo } from '../app/advice-types.js';
import { loadAdvisorProfile } from '../app/load-advisor-profile.js';
import { runAdvisor } from '../app/run-advisor.js';
import type { CliIo, Register } from './command-context.js';
import { exitCodes } from './exit-code-for.js';

/**
 * Where `--interview` reads answers: `CliIo` has no input channel, so a caller (a test) may add `stdin` to the io it
 * passes; otherwise the process's standard input.
 */
type InterviewInput = CliIo & { readonly stdin?: NodeJS.ReadableStream };

/**
 * `grounded advise [--profile FILE] [--interview] [--json] [--report FILE.html]`: RAG, fine-tune, hybrid or leave
 * it, from the use-case profile and the knowledge base's latest eval runs (docs/advisor.md).
 */
export const adviseCommand: Register = (program, run) => {
  program
    .command('advise')
    .description('recommend RAG, retrieval work, prompting, fine-tuning, hybrid, long-context or nothing, from a profile and measured eval runs')
    .option('--profile <file>', 'use-case profile, YAML or JSON (every field optional; see docs/advisor.md)')
    .option('--interview', 'ask each profile question on the terminal (the profile file, if any, gives the defaults)')
    .option('--report <file>', 'also write a self-contained HTML report with the cost-vs-volume chart')
    .action(
      run(async (context, options: { profile?: string; interview?: boolean; report?: string }) => {
        let profile = loadAdvisorProfile(options.profile, context.io.cwd);
        if (options.interview === true) {
          // With --json, stdout carries only the JSON document: the questions go to stderr.
          const write = context.json ? context.io.stderr : context.io.stdout;
          const reader = lineReader((context.io as InterviewInput).stdin ?? process.stdin, write);
          try {
            profile = await interviewProfile(profile, reader);
          } finally {
            reader.close();
          }
        }
        const report = runAdvisor({ config: context.config, kb: context.kb, profile });
        if (options.report !== undefined) writeFileSync(resolve(context.io.cwd, options.report), renderAdviceReport(report));
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

function lineReader(input: NodeJS.ReadableStream, write: (text: string) => void): InterviewIo & { close(): void } {
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
