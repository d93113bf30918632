import { GroundedError } from './errors.js';

/** The rule for knowledge base names: 1 to 64 letters, digits, `.`, `_` or `-`, starting with a letter or digit. */
export const knowledgeBaseNamePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * Returns `name` when it is a valid knowledge base name, else throws `GroundedError('INVALID_ARGUMENT')` saying the
 * rule. Names are compared exactly, so `''`, `' '` or `'default '` would silently be other knowledge bases.
 *
 * @example
 * checkKnowledgeBaseName('support-docs'); // 'support-docs'
 */
export function checkKnowledgeBaseName(name: string): string {
  if (knowledgeBaseNamePattern.test(name)) return name;
  throw new GroundedError('INVALID_ARGUMENT', `invalid knowledge base name ${JSON.stringify(name)}`, {
    details: { kb: name },
    hint: 'use 1 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit',
  });
}
