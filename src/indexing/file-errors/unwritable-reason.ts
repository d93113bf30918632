import { accessSync, constants } from 'node:fs';

/**
 * Why this process cannot write in `path` (`EACCES`, `EROFS`, `ENOENT`, ...), or undefined when it can.
 *
 * @example
 * unwritableReason('/mnt/readonly'); // 'EROFS'
 */
export function unwritableReason(path: string): string | undefined {
  try {
    accessSync(path, constants.W_OK);
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? 'EACCES';
  }
}
