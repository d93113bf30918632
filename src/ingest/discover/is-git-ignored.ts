import type { GitignoreScope } from './with-gitignore.js';

/**
 * Git's answer for a path (folders end in `/`): the deepest `.gitignore` with a rule for it decides, and a
 * `!pattern` there re-includes what a shallower one ignored.
 */
export function isGitIgnored(relativePath: string, scopes: readonly GitignoreScope[]): boolean {
  let ignored = false;
  for (const scope of scopes) {
    const result = scope.rules.test(relativePath.slice(scope.base.length));
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}
