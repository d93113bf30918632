import { InvalidArgumentError } from 'commander';

/**
 * A commander parser for a flag taking one of `allowed`, or a comma-separated list of them (duplicates dropped).
 *
 * @example
 * const parsePresets = parseChoiceList(['lexical', 'hybrid', 'hybrid-rerank'] as const);
 * parsePresets('lexical,hybrid'); // ['lexical', 'hybrid']
 */
export function parseChoiceList<T extends string>(allowed: readonly T[]): (value: string) => T[] {
  return (value) => {
    const chosen = value.split(',').map((part) => part.trim());
    for (const choice of chosen) {
      if (!(allowed as readonly string[]).includes(choice)) {
        throw new InvalidArgumentError(`expected ${allowed.join(', ')} (comma-separated for several)`);
      }
    }
    return [...new Set(chosen)] as T[];
  };
}
