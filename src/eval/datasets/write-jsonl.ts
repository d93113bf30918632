import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { GroundedError } from '../../core/errors.js';

/**
 * Writes records as JSON Lines (one `JSON.stringify` per line, `\n` after each), replacing the file and creating its
 * folder. Throws `DISK_FULL` when the disk is full, `PATH_NOT_FOUND` when the file cannot be created there.
 *
 * @example
 * writeJsonl('eval/squad/golden.jsonl', cases);
 */
export function writeJsonl(path: string, records: Iterable<unknown>): void {
  const lines: string[] = [];
  for (const record of records) lines.push(`${JSON.stringify(record)}\n`);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, lines.join(''));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new GroundedError(code === 'ENOSPC' ? 'DISK_FULL' : 'PATH_NOT_FOUND', `cannot write ${path}: ${(error as Error).message}`, {
      details: { path },
      hint: 'choose an output folder you can write to',
      cause: error,
    });
  }
}
