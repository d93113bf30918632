import type { Dirent, Stats } from 'node:fs';
import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { GroundedError } from '../../core/errors.js';

/** A file found by {@link discoverFiles}. */
export interface DiscoveredFile {
  /** Absolute folder the file was found under (a named file's parent folder). */
  readonly root: string;
  /** Path under `root`, `/`-separated. */
  readonly relativePath: string;
  readonly absolutePath: string;
  /** Size in bytes. */
  readonly size: number;
}

/** A file that was found but cannot be used. */
export interface DiscoveryProblem {
  /** `relativePath` for a file found in a folder; the path as given for a file named explicitly. */
  readonly path: string;
  readonly reason: string;
}

/** Settings of {@link discoverFiles}. */
export interface DiscoverFilesOptions {
  /** Globs (picomatch, `dot: true`) a file's `relativePath` must match; default: every file. */
  readonly include?: readonly string[] | undefined;
  /** Globs that leave a file out, or a whole folder when they match the folder's path; win over `include`. */
  readonly exclude?: readonly string[] | undefined;
  /** Whether a loader takes the file (usually `(path) => findLoader(loaders, path) !== undefined`). */
  readonly supported: (relativePath: string) => boolean;
}

/** What {@link discoverFiles} found. */
export interface DiscoverFilesResult {
  /** Sorted by root, then relative path (code-unit order). */
  readonly files: DiscoveredFile[];
  /** Sorted by path. */
  readonly problems: DiscoveryProblem[];
}

interface Filters {
  readonly included: (relativePath: string) => boolean;
  readonly excluded: (relativePath: string) => boolean;
  readonly supported: (relativePath: string) => boolean;
}

interface Found {
  readonly files: DiscoveredFile[];
  readonly problems: DiscoveryProblem[];
}

/** The `.gitignore` rules of one folder; `base` is that folder's path under the root, `''` or ending in `/`. */
interface GitignoreScope {
  readonly base: string;
  readonly rules: Ignore;
}

const SKIPPED_NAMES = new Set(['node_modules']);

/**
 * Lists the files to ingest under the given files and folders.
 *
 * A folder is walked recursively and is the `root` of what it holds; a file's root is its parent folder and
 * its `relativePath` its name. Hidden entries (`.git`, `.env`, any name starting with `.`) and `node_modules`
 * are skipped, and so is what `.gitignore` files in the folder and its subfolders ignore (each file's patterns
 * relative to its own folder; a `.gitignore` above the walked folder is not read). `include` / `exclude`
 * apply to every file, named or found. Unsupported files found in a folder are skipped silently; a named
 * unsupported file is reported in `problems`, and so is a dangling symlink. Symlinked files are followed,
 * symlinked folders inside a walked folder are not (no cycles). A file reached twice is kept once, from the
 * first path that reached it.
 *
 * Throws `GroundedError('PATH_NOT_FOUND')` when a given path does not exist.
 *
 * @example
 * const { files, problems } = await discoverFiles(['docs', 'faq.jsonl'], {
 *   exclude: ['drafts/**'],
 *   supported: (path) => findLoader(loaders, path) !== undefined,
 * });
 */
export async function discoverFiles(paths: readonly string[], options: DiscoverFilesOptions): Promise<DiscoverFilesResult> {
  const include = options.include ?? [];
  const exclude = options.exclude ?? [];
  const includeMatcher = include.length === 0 ? () => true : picomatch([...include], { dot: true });
  const excludeMatcher = exclude.length === 0 ? () => false : picomatch([...exclude], { dot: true });
  const filters: Filters = { included: includeMatcher, excluded: excludeMatcher, supported: options.supported };
  const found: Found = { files: [], problems: [] };
  for (const path of paths) await discoverPath(path, filters, found);

  const byAbsolutePath = new Map<string, DiscoveredFile>();
  for (const file of found.files) if (!byAbsolutePath.has(file.absolutePath)) byAbsolutePath.set(file.absolutePath, file);
  const files = [...byAbsolutePath.values()];
  files.sort((left, right) => compare(left.root, right.root) || compare(left.relativePath, right.relativePath));
  found.problems.sort((left, right) => compare(left.path, right.path) || compare(left.reason, right.reason));
  return { files, problems: found.problems };
}

const compare = (left: string, right: string): number => (left < right ? -1 : left > right ? 1 : 0);

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

async function discoverPath(path: string, filters: Filters, found: Found): Promise<void> {
  const absolutePath = resolve(path);
  let info: Stats;
  try {
    info = await lstat(absolutePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new GroundedError('PATH_NOT_FOUND', `no such file or directory: ${path}`, {
        details: { path },
        hint: 'check the path (it is resolved against the current directory)',
        cause: error,
      });
    }
    found.problems.push({ path, reason: `unreadable: ${reasonOf(error)}` });
    return;
  }
  if (info.isSymbolicLink()) {
    // A named symlink is followed, to a folder too: the user chose it, and links inside are not followed.
    try {
      info = await stat(absolutePath);
    } catch (error) {
      found.problems.push({ path, reason: `unreadable: ${reasonOf(error)}` });
      return;
    }
  }
  if (info.isDirectory()) {
    await walkDirectory(absolutePath, '', [], filters, found);
    return;
  }
  const name = basename(absolutePath);
  if (!info.isFile()) {
    found.problems.push({ path, reason: 'not a regular file' });
  } else if (!filters.included(name) || filters.excluded(name)) {
    return;
  } else if (!filters.supported(name)) {
    const extension = extname(name.replace(/\.gz$/i, ''));
    const reason = extension === '' ? 'unsupported file type (no extension)' : `unsupported file type '${extension.toLowerCase()}'`;
    found.problems.push({ path, reason });
  } else {
    found.files.push({ root: dirname(absolutePath), relativePath: name, absolutePath, size: info.size });
  }
}

/**
 * Walks one folder under `root`. Recursion depth is the folder depth, which symlinked folders (not followed)
 * cannot grow.
 */
async function walkDirectory(
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
    found.problems.push({ path: directory === '' ? '.' : directory, reason: `unreadable: ${reasonOf(error)}` });
    return;
  }
  const scopes = await withGitignore(parentScopes, entries, absoluteDirectory, directory, found);
  entries.sort((left, right) => compare(left.name, right.name));
  const candidates: { relativePath: string; absolutePath: string }[] = [];
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
      candidates.push({ relativePath, absolutePath: join(absoluteDirectory, entry.name) });
    }
  }
  const stats = await Promise.all(
    candidates.map((candidate) =>
      stat(candidate.absolutePath).then(
        (info) => ({ info }),
        (error: unknown) => ({ error }),
      ),
    ),
  );
  for (const [index, candidate] of candidates.entries()) {
    const result = stats[index];
    if (result === undefined) continue;
    if ('error' in result) {
      found.problems.push({ path: candidate.relativePath, reason: `unreadable: ${reasonOf(result.error)}` });
    } else if (result.info.isFile()) {
      found.files.push({ root, relativePath: candidate.relativePath, absolutePath: candidate.absolutePath, size: result.info.size });
    }
    // Anything else is a symlinked folder (not followed, to avoid cycles) or a special file: skipped.
  }
}

/** `parentScopes` plus this folder's `.gitignore`, when it has one. */
async function withGitignore(
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

/**
 * Git's answer for a path (folders end in `/`): the deepest `.gitignore` with a rule for it decides, and a
 * `!pattern` there re-includes what a shallower one ignored.
 */
function isGitIgnored(relativePath: string, scopes: readonly GitignoreScope[]): boolean {
  let ignored = false;
  for (const scope of scopes) {
    const result = scope.rules.test(relativePath.slice(scope.base.length));
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}
