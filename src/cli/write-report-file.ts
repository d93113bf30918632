export type { ReportTarget } from './check-report-target.js';
import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { GroundedError } from '../core/errors.js';
import { checkReportTarget, type ReportTarget } from './check-report-target.js';

/**
 * Writes an HTML report atomically (a temporary file beside it, then a rename): a crash leaves the old file or the
 * new one, never half of either. Refuses, with exit 1 and what to do, a path inside the data directory (the store
 * lives there), a folder, and an existing file that is not a grounded report unless `force`.
 *
 * @example
 * writeReportFile(resolve(cwd, 'report.html'), html, { dataDir: config.dataDir });
 */
export function writeReportFile(file: string, html: string, target: ReportTarget): void {
  const path = checkReportTarget(file, target);
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, html, { flag: 'wx' });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    throw new GroundedError(code === 'ENOSPC' ? 'DISK_FULL' : 'PATH_NOT_FOUND', `cannot write report ${file}`, {
      hint: code === 'ENOSPC' ? 'free disk space, then run again' : 'check that the folder exists and is writable',
      cause: error,
    });
  }
}

