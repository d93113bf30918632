import { realpath, stat } from 'node:fs/promises';
import { resolve } from 'node:path';

/**
 * Real paths of the synced folders, as discovery names its roots (a file named explicitly is its own scope and
 * removes nothing else).
 */
export async function folderScopes(paths: readonly string[]): Promise<Set<string>> {
  const folders = new Set<string>();
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory() === true) folders.add(await realpath(resolve(path)).catch(() => resolve(path)));
  }
  return folders;
}
