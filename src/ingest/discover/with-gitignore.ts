import type { Dirent } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { Found } from './found.js';
import { reasonOf } from './reason-of.js';

/** The `.gitignore` rules of one folder; `base` is that folder's path under the root, `''` or ending in `/`. */
export interface GitignoreScope {
  readonly base: string;
  readonly rules: Ignore;
}

/** `parentScopes` plus this folder's `.gitignore`, when it has one. */
export async function withGitignore(
  parentScopes: readonly GitignoreScope[],
  entries: readonly Dirent[],
  absoluteDirectory: string,
  directory: string,
  found: Found,
): Promise<readonly GitignoreScope[]> {
  if (!entries.some((entry) => entry.name === '.gitignore' && (entry.isFile() || entry.isSymbolicLink()))) return parentScopes;
  const relativePath = directory === '' ? '.gitignore' : `${directory}/.gitignore`;
  try {
    const rules = ignore().add(await readFile(join(absoluteDirectory, '.gitignore'), 'utf8'));
    return [...parentScopes, { base: directory === '' ? '' : `${directory}/`, rules }];
  } catch (error) {
    found.problems.push({ path: relativePath, reason: `unreadable: ${reasonOf(error)}` });
    return parentScopes;
  }
}
