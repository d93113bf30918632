import type { Command } from 'commander';

/**
 * The `grounded eval` command group, created on first use so each eval subcommand registers itself.
 *
 * @example
 * evalGroup(program).command('list');
 */
export function evalGroup(program: Command): Command {
  const existing = program.commands.find((command) => command.name() === 'eval');
  if (existing !== undefined) return existing;
  return program.command('eval').description('measure retrieval and answers: golden sets, run history, diffs, BEIR');
}
