import { InvalidArgumentError } from 'commander';
import type { AnswerStrategy } from '../app/create-knowledge-base.js';

const strategies: readonly AnswerStrategy[] = ['rag', 'long-context', 'closed-book'];

/**
 * Commander parser for `--strategy`: one strategy, or a comma-separated list (for `eval run`).
 *
 * @example
 * parseStrategies('rag,closed-book'); // ['rag', 'closed-book']
 */
export function parseStrategies(value: string): AnswerStrategy[] {
  const chosen = value.split(',').map((part) => part.trim());
  for (const strategy of chosen) {
    if (!(strategies as readonly string[]).includes(strategy)) {
      throw new InvalidArgumentError(`expected ${strategies.join(', ')} (comma-separated for several)`);
    }
  }
  return [...new Set(chosen)] as AnswerStrategy[];
}
