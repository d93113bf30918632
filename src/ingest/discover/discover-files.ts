import { realpath } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { compareCodeUnits } from './compare-code-units.js';
import { discoverPath } from './discover-path.js';
import type { DiscoveredFile, DiscoveryProblem } from './discovered-file.js';
import type { Filters, Found } from './found.js';

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
  files.sort((left, right) => compareCodeUnits(left.root, right.root) || compareCodeUnits(left.relativePath, right.relativePath));
  found.problems.sort((left, right) => compareCodeUnits(left.path, right.path) || compareCodeUnits(left.reason, right.reason));
  return { files, problems: found.problems };
}

/** Real paths of the given paths that exist: what a symlink found inside them may point into. */
async function realScopes(paths: readonly string[]): Promise<string[]> {
  const scopes: string[] = [];
  for (const path of paths) {
    const real = await realpath(resolve(path)).catch(() => undefined);
    if (real !== undefined) scopes.push(real);
  }
  return scopes;
}
