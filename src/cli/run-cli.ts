import { Command, CommanderError } from 'commander';
import { loadConfigLazily } from '../config/load-config-lazily.js';
import { isGroundedError } from '../core/errors.js';
import type { CliIo, CommandContext } from './command-context.js';
import { commandTable } from './command-table.js';
import { exitCodeFor, exitCodes } from './exit-code-for.js';
import { findCommandName } from './find-command-name.js';
import { parseKnowledgeBaseName } from './parse-knowledge-base-name.js';

interface GlobalOptions {
  kb: string;
  dataDir?: string;
  config?: string;
  json?: boolean;
}

/**
 * Runs the `grounded` command line and returns the exit code (0 ok, 1 user-fixable failure, 2 usage, 3 internal),
 * never calling `process.exit`. Errors become one line on stderr that says what to do.
 *
 * @example
 * const code = await runCli(['ask', 'How do I enable TLS?', '--json'], { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text), env: process.env, cwd: process.cwd() });
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = exitCodes.ok;
  const program = new Command('grounded')
    .description('Answer from your documents with citations, offline by default.')
    .option('--kb <name>', 'knowledge base (letters, digits, . _ -)', parseKnowledgeBaseName, 'default')
    .option('--data-dir <dir>', 'data directory (default .grounded, or GROUNDED_DATA_DIR)')
    .option('--config <file>', 'config file (default ./grounded.config.json when present)')
    .option('--json', 'one JSON document on stdout')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showSuggestionAfterError();
  const context = async (command: Command): Promise<CommandContext> => {
    const globals = command.optsWithGlobals<GlobalOptions>();
    const config = await loadConfigLazily({
      cwd: io.cwd,
      env: io.env,
      ...(globals.config === undefined ? {} : { file: globals.config }),
      overrides: globals.dataDir === undefined ? {} : { dataDir: globals.dataDir },
    });
    return { io, config, kb: globals.kb, json: globals.json === true };
  };
  const run =
    (action: (context: CommandContext, ...args: never[]) => Promise<number> | number) =>
    async (...args: unknown[]): Promise<void> => {
      const command = args[args.length - 1] as Command;
      exitCode = await action(await context(command), ...(args.slice(0, -1) as never[]));
    };
  // Only the chosen command's modules are imported (start-up time is most of a short command's run); anything else
  // (help, an unknown or missing command) registers them all, so help and suggestions list every command.
  const name = findCommandName(argv);
  const chosen = name !== undefined && Object.hasOwn(commandTable, name) ? commandTable[name] : undefined;
  const loaders = chosen === undefined ? Object.values(commandTable) : [chosen];
  for (const registrations of await Promise.all(loaders.map((load) => load()))) {
    for (const register of registrations) register(program, run);
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    return reportError(error, io);
  }
  return exitCode;
}

function reportError(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // Commander already printed the usage problem (or the help text, which exits 0).
    return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
  }
  if (isGroundedError(error)) {
    io.stderr(`error: ${error.message}${error.hint === undefined ? '' : `; ${error.hint}`}\n`);
    return exitCodeFor(error.code);
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`internal error: ${message}; please report it with the command you ran\n`);
  if (io.env.GROUNDED_DEBUG) io.stderr(`${error instanceof Error ? error.stack : ''}\n`);
  return exitCodes.internal;
}
