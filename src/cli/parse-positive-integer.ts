import { InvalidArgumentError } from 'commander';

/**
 * Commander option parser for counts such as `-k 10`; rejects anything but plain decimal digits for a whole number
 * >= 1 (`1e3`, `0x10`, `1.0` and `+5` are refused: exit code 2).
 *
 * @example
 * program.option('-k <n>', 'results', parsePositiveInteger);
 */
export function parsePositiveInteger(value: string): number {
  const parsed = /^[0-9]+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(parsed) || parsed < 1) throw new InvalidArgumentError('expected a whole number of at least 1, in decimal digits');
  return parsed;
}
