import { InvalidArgumentError } from 'commander';
import { checkKnowledgeBaseName } from '../core/check-knowledge-base-name.js';
import { isGroundedError } from '../core/errors.js';

/**
 * Commander option parser for `--kb`: a name breaking the rule (see `checkKnowledgeBaseName`) is a usage error
 * (exit code 2), before anything is opened.
 *
 * @example
 * program.option('--kb <name>', 'knowledge base', parseKnowledgeBaseName, 'default');
 */
export function parseKnowledgeBaseName(value: string): string {
  try {
    return checkKnowledgeBaseName(value);
  } catch (error) {
    if (isGroundedError(error)) throw new InvalidArgumentError(`${error.message}: ${error.hint ?? ''}`);
    throw error;
  }
}
