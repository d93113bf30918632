import { lstatSync, mkdirSync, readlinkSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { GroundedError } from '../../../core/errors.js';
import { toFileSystemError } from '../../file-errors/to-file-system-error.js';

const fixDataDir = 'point --data-dir (or GROUNDED_DATA_DIR, or dataDir in the config) at a folder';

/**
 * Checks the folder that holds the store. `read` never creates anything and returns false when the folder does not
 * exist; `write` creates it (and its parents) and returns true. Either way a path that cannot be a data directory
 * throws what to do: a file, a symbolic link to nothing, or a path under a file or a dangling link (`INVALID_CONFIG`);
 * writing, a parent this user may not write (`STORE_READ_ONLY`) or a full disk (`DISK_FULL`).
 *
 * @example
 * if (!prepareDataDir('.grounded', 'read')) throw noKnowledgeBaseAt('.grounded');
 */
export function prepareDataDir(dir: string, access: 'read' | 'write'): boolean {
  const kind = kindOf(dir);
  if (kind === 'folder') return true;
  if (kind === 'file') {
    throw new GroundedError('INVALID_CONFIG', `the data directory ${dir} is a file, not a folder`, { details: { dir }, hint: fixDataDir });
  }
  if (kind === 'dangling-link') {
    throw new GroundedError('INVALID_CONFIG', `the data directory ${dir} is a symbolic link to ${readlinkSync(dir)}, which does not exist`, {
      details: { dir },
      hint: `create the folder it points to, or ${fixDataDir}`,
    });
  }
  const blocker = firstBlockingAncestor(dir);
  if (blocker !== undefined) {
    throw new GroundedError('INVALID_CONFIG', `the data directory ${dir} cannot exist: ${blocker}`, { details: { dir }, hint: fixDataDir });
  }
  if (access === 'read') return false;
  try {
    mkdirSync(dir, { recursive: true });
    return true;
  } catch (error) {
    throw createError(dir, error);
  }
}

type PathKind = 'folder' | 'file' | 'dangling-link' | 'missing';

function kindOf(path: string): PathKind {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'file';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') return 'missing';
    if (code !== 'ENOENT') throw toFileSystemError(error, path, 'the data directory');
  }
  try {
    return lstatSync(path).isSymbolicLink() ? 'dangling-link' : 'missing';
  } catch {
    return 'missing';
  }
}

/** Why `mkdir -p dir` failed, said about the ancestor that stopped it. */
function createError(dir: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOTDIR' || code === 'EEXIST' || code === 'ENOENT') {
    const blocker = firstBlockingAncestor(dir);
    return new GroundedError('INVALID_CONFIG', `cannot create the data directory ${dir}: ${blocker ?? 'a parent is not a folder'}`, {
      details: { dir, code },
      hint: fixDataDir,
      cause: error,
    });
  }
  return toFileSystemError(error, dirname(resolve(dir)), `the data directory ${dir}`);
}

/** Why the nearest existing ancestor of `dir` cannot hold it (a file or a dangling link), or undefined for a folder. */
function firstBlockingAncestor(dir: string): string | undefined {
  for (let current = dirname(resolve(dir)); current !== dirname(current); current = dirname(current)) {
    const kind = kindOf(current);
    if (kind === 'file') return `${current} is a file`;
    if (kind === 'dangling-link') return `${current} is a symbolic link to ${readlinkSync(current)}, which does not exist`;
    if (kind === 'folder') return undefined;
  }
  return undefined;
}
