import { GroundedError } from '../../core/errors.js';

/**
 * `STORE_READ_ONLY` for a write of `what` under `folder`, naming the cause: `EROFS` (a read-only file system) or a
 * permission error (`EACCES`, `EPERM`).
 *
 * @example
 * throw readOnlyError('/data/.grounded', 'the store', 'EACCES', error);
 */
export function readOnlyError(folder: string, what: string, code: string | undefined, cause?: unknown): GroundedError {
  const reason = code === 'EROFS' ? `${folder} is on a read-only file system` : `permission denied in ${folder}`;
  return new GroundedError('STORE_READ_ONLY', `cannot write ${what}: ${reason}`, {
    details: { folder, code },
    hint: `run this as a user who can write ${folder}, or copy the data directory somewhere writable and point --data-dir at it (search and ask only read it)`,
    cause,
  });
}
