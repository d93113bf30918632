import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { compareCodeUnits } from './compare-code-units.js';
import type { Filters, Found } from './found.js';
import { isGitIgnored } from './is-git-ignored.js';
import { reasonOf } from './reason-of.js';
import { withGitignore, type GitignoreScope } from './with-gitignore.js';

const SKIPPED_NAMES = new Set(['node_modules']);

/**
 * Walks one folder under `root`. Recursion depth is the folder depth, which symlinked folders (not followed)
 * cannot grow.
 */
export async function walkDirectory(
  root: string,
  directory: string,
  parentScopes: readonly GitignoreScope[],
  filters: Filters,
  found: Found,
): Promise<void> {
  const absoluteDirectory = directory === '' ? root : join(root, directory);
  let entries: Dirent[];
  try {
    entries = await readdir(absoluteDirectory, { withFileTypes: true });
  } catch (error) {
    found.problems.push({ path: directory === '' ? '.' : directory, reason: `unreadable folder: ${reasonOf(error)}`, root, kind: 'unreadable', folder: true });
    return;
  }
  const scopes = await withGitignore(parentScopes, entries, absoluteDirectory, directory, found);
  entries.sort((left, right) => compareCodeUnits(left.name, right.name));
  const candidates: { relativePath: string; absolutePath: string; link: boolean }[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || SKIPPED_NAMES.has(entry.name)) continue;
    const relativePath = directory === '' ? entry.name : `${directory}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!isGitIgnored(`${relativePath}/`, scopes) && !filters.excluded(relativePath)) {
        await walkDirectory(root, relativePath, scopes, filters, found);
      }
    } else if (entry.isFile() || entry.isSymbolicLink()) {
      if (isGitIgnored(relativePath, scopes) || !filters.included(relativePath) || filters.excluded(relativePath)) continue;
      if (!filters.supported(relativePath)) continue;
      candidates.push({ relativePath, absolutePath: join(absoluteDirectory, entry.name), link: entry.isSymbolicLink() });
    }
  }
  const stats = await Promise.all(
    candidates.map(async (candidate) => {
      try {
        const info = await stat(candidate.absolutePath);
        const realPath = candidate.link ? await realpath(candidate.absolutePath) : candidate.absolutePath;
        return { info, realPath };
      } catch (error) {
        return { error };
      }
    }),
  );
  for (const [index, candidate] of candidates.entries()) {
    const result = stats[index];
    if (result === undefined) continue;
    const { relativePath, absolutePath } = candidate;
    if ('error' in result) {
      found.problems.push({ path: relativePath, reason: `unreadable: ${reasonOf(result.error)}`, root, kind: 'unreadable' });
    } else if (result.info.isFile() && !filters.allowed(result.realPath)) {
      found.problems.push({
        path: relativePath,
        reason: `symlink to ${result.realPath}, outside the ingested folders: skipped (ingest --follow-external-links to read it)`,
        root,
        kind: 'refused',
      });
    } else if (result.info.isFile()) {
      found.files.push({ root, relativePath, absolutePath, size: result.info.size, realPath: result.realPath });
    }
    // Anything else is a symlinked folder (not followed, to avoid cycles) or a special file: skipped.
  }
}
