import { resolve } from 'node:path';
import { validateGoldenFile } from '../app/validate-golden-file.js';
import type { Register } from './command-context.js';
import { evalGroup } from './eval-group.js';
import { exitCodes } from './exit-code-for.js';

/** `grounded eval validate --golden FILE`: broken cases with their line numbers; exits 1 when there are any. */
export const evalValidateCommand: Register = (program, run) => {
  evalGroup(program)
    .command('validate')
    .description('check a golden set against the knowledge base: malformed lines, duplicate ids, unknown docs, quotes not found')
    .requiredOption('--golden <file>', 'golden set (JSON Lines)')
    .action(
      run(async (context, options: { golden: string }) => {
        const result = await validateGoldenFile({ config: context.config, kb: context.kb, golden: resolve(context.io.cwd, options.golden) });
        if (context.json) {
          context.io.stdout(`${JSON.stringify(result)}\n`);
        } else {
          for (const problem of result.problems) {
            context.io.stdout(`${options.golden}:${problem.line}: ${problem.caseId === undefined ? '' : `${problem.caseId}: `}${problem.reason}\n`);
          }
          context.io.stdout(`${result.cases} cases, ${result.sources} sources, ${result.problems.length} problems\n`);
        }
        return result.problems.length > 0 ? exitCodes.userError : exitCodes.ok;
      }),
    );
};
