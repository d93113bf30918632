import type { Stats } from 'node:fs';
import { lstat, realpath, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { GroundedError } from '../../core/errors.js';
import type { Filters, Found } from './found.js';
import { reasonOf } from './reason-of.js';
import { walkDirectory } from './walk-directory.js';

/**
 * Discovers one path as named by the user: a folder is walked, a file (or a symlink to either) checked against the
 * filters. Throws `GroundedError('PATH_NOT_FOUND')` when the path does not exist.
 */
export async function discoverPath(path: string, filters: Filters, found: Found): Promise<void> {
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
