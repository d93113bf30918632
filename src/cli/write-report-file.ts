import { writeFileSync } from 'node:fs';
import { GroundedError } from '../core/errors.js';

/**
 * Writes an HTML report; a missing folder or a read-only path is the user's to fix (exit 1), not an internal failure.
 *
 * @example
 * writeReportFile(resolve(cwd, 'report.html'), html);
 */
export function writeReportFile(file: string, html: string): void {
  try {
    writeFileSync(file, html);
  } catch (error) {
    throw new GroundedError('PATH_NOT_FOUND', `cannot write report ${file}`, {
      hint: 'check that the folder exists and is writable',
      cause: error,
    });
  }
}
