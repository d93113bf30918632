import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { GroundedError } from '../../core/errors.js';

/**
 * Writes records as JSON Lines (one `JSON.stringify` per line, `\n` after each), replacing the file and creating its
 * folder. Throws `INVALID_INPUT` when the file cannot be written.
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
    throw new GroundedError('INVALID_INPUT', `cannot write ${path}: ${(error as Error).message}`, {
      details: { path },
      hint: 'choose an output folder you can write to',
      cause: error,
    });
  }
}
