import { InvalidArgumentError } from 'commander';

/**
 * Commander option parser for counts such as `-k 10`; rejects anything but a whole number >= 1 (exit code 2).
 *
 * @example
 * program.option('-k <n>', 'results', parsePositiveInteger);
 */
export function parsePositiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return parsed;
}
