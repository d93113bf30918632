import { statSync } from 'node:fs';

/**
 * What identifies one unmodified file: inode, size, and modification and status-change times in nanoseconds. Any
 * write, truncation or replacement changes it (the status-change time cannot be set back), so a file whose stamp
 * matches the one taken after it was written and hashed still has the bytes that were hashed.
 *
 * @example
 * const stamp = fileStamp(graphPath); // '1234567:1048576:1717000000000000000:1717000000000000000'
 */
export function fileStamp(path: string): string {
  const stats = statSync(path, { bigint: true });
  return `${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}`;
}
