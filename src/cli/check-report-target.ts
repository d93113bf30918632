import { closeSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { GroundedError } from '../core/errors.js';
import { reportMarker } from '../core/report-marker.js';

/** Where a report may go. */
export interface ReportTarget {
  /** The data directory: nothing inside it is ever overwritten by a report (it holds the store). */
  readonly dataDir: string;
  /** Overwrite an existing file that is not a report grounded wrote. */
  readonly force?: boolean;
}

/**
 * Checks that a report may be written to `file` and returns the real path a write would change (a symlink's
 * target). Throws `INVALID_ARGUMENT` (exit 1, with what to do) for a path inside the data directory (the store lives
 * there), a folder, or an existing file that is not a grounded report unless `force`. Commands call it before their
 * work, so a long evaluation is not run for a report that cannot be written.
 *
 * @example
 * checkReportTarget(resolve(cwd, 'report.html'), { dataDir: config.dataDir });
 */
export function checkReportTarget(file: string, target: ReportTarget): string {
  const path = realTargetOf(resolve(file));
  const dataDir = realOrSelf(resolve(target.dataDir));
  if (path === dataDir || path.startsWith(dataDir + sep)) {
    throw new GroundedError('INVALID_ARGUMENT', `refusing to write a report inside the data directory: ${file}`, {
      hint: `the data directory (${target.dataDir}) holds the store; write the report somewhere else`,
    });
  }
  const existing = statSync(path, { throwIfNoEntry: false });
  if (existing?.isDirectory() === true) {
    throw new GroundedError('INVALID_ARGUMENT', `${file} is a folder`, { hint: 'give a file name, such as report.html' });
  }
  if (existing !== undefined && target.force !== true && !isGroundedReport(path)) {
    throw new GroundedError('INVALID_ARGUMENT', `refusing to overwrite ${file}: it is not a report written by grounded`, {
      hint: 'choose another file name, or add --force to replace it',
    });
  }
  return path;
}

/** The file a write to `path` would change: a symlink's target (so the link itself is kept and checked). */
function realTargetOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return join(realOrSelf(dirname(path)), basename(path));
  }
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** Whether the file's head carries grounded's report marker (only its first 4 KiB are read). */
function isGroundedReport(path: string): boolean {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(path, 'r');
    const head = Buffer.alloc(4096);
    const length = readSync(descriptor, head, 0, head.length, 0);
    return head.subarray(0, length).toString('utf8').includes(reportMarker);
  } catch {
    return false;
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}
