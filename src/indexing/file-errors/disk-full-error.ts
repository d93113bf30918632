import { GroundedError } from '../../core/errors.js';

/**
 * `DISK_FULL` for a write of `what` (`the store`, `the HNSW index`) under `folder`: a failure the user fixes by
 * freeing space; nothing committed before it is lost.
 *
 * @example
 * throw diskFullError('/data/.grounded', 'the store', error);
 */
export function diskFullError(folder: string, what: string, cause?: unknown): GroundedError {
  return new GroundedError('DISK_FULL', `no space left on the disk holding ${folder} (writing ${what})`, {
    details: { folder },
    hint: 'free disk space (or point --data-dir at a disk with room), then run the command again; the store keeps its last committed state',
    cause,
  });
}
