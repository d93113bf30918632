import type { Register } from './command-context.js';

/**
 * The top-level commands in the order `grounded --help` lists them, each with the registrations it needs, imported
 * on demand: a command's module pulls in the parts of the application it runs (evaluation, the advisor, reports), and
 * `grounded search` should not pay to load `grounded eval`'s. `eval` registers every eval subcommand.
 *
 * @example
 * for (const register of await commandTable.search()) register(program, run);
 */
export const commandTable: Readonly<Record<string, () => Promise<readonly Register[]>>> = {
  ingest: async () => [(await import('./ingest-command.js')).ingestCommand],
  search: async () => [(await import('./search-command.js')).searchCommand],
  ask: async () => [(await import('./ask-command.js')).askCommand],
  eval: async () => {
    const modules = await Promise.all([
      import('./eval-run-command.js'),
      import('./eval-list-command.js'),
      import('./eval-show-command.js'),
      import('./eval-diff-command.js'),
      import('./eval-import-command.js'),
      import('./eval-validate-command.js'),
      import('./eval-beir-command.js'),
    ]);
    const [run, list, show, diff, importing, validate, beir] = modules;
    return [
      run.evalRunCommand,
      list.evalListCommand,
      show.evalShowCommand,
      diff.evalDiffCommand,
      importing.evalImportCommand,
      validate.evalValidateCommand,
      beir.evalBeirCommand,
    ];
  },
  advise: async () => [(await import('./advise-command.js')).adviseCommand],
  tune: async () => [(await import('./tune-command.js')).tuneCommand],
};
