import { errorTable } from '../core/error-table.js';
import type { ErrorCode } from '../core/errors.js';

/** Exit codes of the CLI contract: 1 a failure the user can fix, 2 wrong usage, 3 a bug in grounded. */
export const exitCodes = { ok: 0, userError: 1, usage: 2, internal: 3 } as const;

/**
 * Maps an error code to the process exit code, read from the one table (`core/error-table.ts`), so a new code
 * cannot compile without choosing its exit code.
 *
 * @example
 * exitCodeFor('KB_NOT_FOUND'); // 1
 * exitCodeFor('INTERNAL'); // 3
 */
export function exitCodeFor(code: ErrorCode): number {
  return errorTable[code].exit;
}
