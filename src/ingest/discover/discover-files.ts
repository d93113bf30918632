import type { Dirent, Stats } from 'node:fs';
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
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
  /**
   * The root folder `path` is under, for problems found while walking a folder. A folder that could not be read
   * has its own path here (`.` for the root itself): everything under it keeps its last good version.
   */
  readonly root?: string;
  /**
   * `unreadable`: the file or folder is there but could not be read; what was ingested from it keeps its last good
   * version. `refused`: it is readable but must not be ingested (a link outside the ingested folders); what was
   * ingested from it is removed.
   */
  readonly kind?: 'unreadable' | 'refused';
  /** True when `path` is a folder (everything under it is covered). */
  readonly folder?: boolean;
}

/** Settings of {@link discoverFiles}. */
export interface DiscoverFilesOptions {
  /** Globs (picomatch, `dot: true`) a file's `relativePath` must match; default: every file. */
  readonly include?: readonly string[] | undefined;
  /** Globs that leave a file out, or a whole folder when they match the folder's path; win over `include`. */
  readonly exclude?: readonly string[] | undefined;
  /** Whether a loader takes the file (usually `(path) => findLoader(loaders, path) !== undefined`). */
  readonly supported: (relativePath: string) => boolean;
  /**
   * Follow symlinks inside a walked folder that resolve outside every ingested path. Default false: such a link (a
   * `notes.txt` pointing at a system file, say) is skipped and reported, so nothing outside what was named becomes
   * citable or is sent to a model.
   */
  readonly followExternalLinks?: boolean | undefined;
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
  /** Whether a real (symlink-resolved) path may be read: inside an ingested path, or any when links are followed. */
  readonly allowed: (realPath: string) => boolean;
}

/** A file found, with its real path (symlinks resolved), which identifies it. */
interface FoundFile extends DiscoveredFile {
  readonly realPath: string;
}

interface Found {
  readonly files: FoundFile[];
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
 * unsupported file is reported in `problems`, and so is a dangling symlink or a folder that cannot be listed.
 * A folder's root is its real path, so the same folder named through a symlink is the same root. Symlinked files
 * are followed when they resolve inside an ingested path (else skipped and reported, unless `followExternalLinks`);
 * symlinked folders inside a walked folder are not followed (no cycles). A file reached twice (the same real file)
 * is kept once, from the first path that reached it.
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
  const scopes = await realScopes(paths);
  const allowed = (realPath: string): boolean =>
    options.followExternalLinks === true || scopes.some((scope) => realPath === scope || realPath.startsWith(scope + sep));
  const filters: Filters = { included: includeMatcher, excluded: excludeMatcher, supported: options.supported, allowed };
  const found: Found = { files: [], problems: [] };
  for (const path of paths) await discoverPath(path, filters, found);

  const byRealPath = new Map<string, DiscoveredFile>();
  for (const { realPath, ...file } of found.files) if (!byRealPath.has(realPath)) byRealPath.set(realPath, file);
  const files = [...byRealPath.values()];
  files.sort((left, right) => compare(left.root, right.root) || compare(left.relativePath, right.relativePath));
  found.problems.sort((left, right) => compare(left.path, right.path) || compare(left.reason, right.reason));
  return { files, problems: found.problems };
}

const compare = (left: string, right: string): number => (left < right ? -1 : left > right ? 1 : 0);

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Real paths of the given paths that exist: what a symlink found inside them may point into. */
async function realScopes(paths: readonly string[]): Promise<string[]> {
  const scopes: string[] = [];
  for (const path of paths) {
    const real = await realpath(resolve(path)).catch(() => undefined);
    if (real !== undefined) scopes.push(real);
  }
  return scopes;
}

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
    // The real path is the root: the same folder named through a symlink is not ingested twice.
    const root = await realpath(absolutePath).catch(() => absolutePath);
    await walkDirectory(root, '', [], filters, found);
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
    const root = await realpath(dirname(absolutePath)).catch(() => dirname(absolutePath));
    const realPath = await realpath(absolutePath).catch(() => absolutePath);
    found.files.push({ root, relativePath: name, absolutePath: join(root, name), size: info.size, realPath });
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
    found.problems.push({ path: directory === '' ? '.' : directory, reason: `unreadable folder: ${reasonOf(error)}`, root, kind: 'unreadable', folder: true });
    return;
  }
  const scopes = await withGitignore(parentScopes, entries, absoluteDirectory, directory, found);
  entries.sort((left, right) => compare(left.name, right.name));
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
