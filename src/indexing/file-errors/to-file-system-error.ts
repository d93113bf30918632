import { GroundedError } from '../../core/errors.js';
import { diskFullError } from './disk-full-error.js';
import { readOnlyError } from './read-only-error.js';

/**
 * Turns an operating-system error met while writing `what` under `folder` into the {@link GroundedError} the user
 * can act on: `DISK_FULL` for ENOSPC/EDQUOT, `STORE_READ_ONLY` for EACCES/EPERM/EROFS. Anything else comes back
 * unchanged.
 *
 * @example
 * try { writeFileSync(path, bytes); } catch (error) { throw toFileSystemError(error, dirname(path), 'the HNSW index'); }
 */
export function toFileSystemError(error: unknown, folder: string, what: string): unknown {
  if (error instanceof GroundedError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return diskFullError(folder, what, error);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return readOnlyError(folder, what, code, error);
  return error;
}
