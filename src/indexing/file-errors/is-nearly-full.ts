import { statfsSync } from 'node:fs';

/** Free bytes under which a failed write is taken for a full disk (SQLite and usearch do not always say ENOSPC). */
const nearlyFullBytes = 1024 * 1024;

/**
 * Whether the file system holding `folder` has (almost) no space left for this user; false when it cannot tell.
 *
 * @example
 * if (isNearlyFull(dataDir)) throw diskFullError(dataDir, 'the store', error);
 */
export function isNearlyFull(folder: string): boolean {
  try {
    const stats = statfsSync(folder);
    return stats.bavail * stats.bsize < nearlyFullBytes;
  } catch {
    return false;
  }
}
