/** Global options that take a value (`--kb NAME`, not `--kb=NAME`): their value is never the command name. */
const optionsWithValue = new Set(['--kb', '--data-dir', '--config']);

/**
 * The command a `grounded` argument list names: its first argument that is neither an option nor a global option's
 * value. `undefined` when there is none (`grounded --help`), or after `--`. Only a guess for loading the right command
 * modules: commander still parses the arguments, so a wrong guess can cost time, never change behaviour.
 *
 * @example
 * findCommandName(['--kb', 'docs', 'search', 'tls']); // 'search'
 */
export function findCommandName(argv: readonly string[]): string | undefined {
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] ?? '';
    if (argument === '--') return undefined;
    if (!argument.startsWith('-')) return argument;
    if (optionsWithValue.has(argument)) index += 1;
  }
  return undefined;
}
