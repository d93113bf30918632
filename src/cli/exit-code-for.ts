import type { ErrorCode } from '../core/errors.js';

/** Exit codes of the CLI contract: 1 a failure the user can fix, 2 wrong usage, 3 the system's own failure. */
export const exitCodes = { ok: 0, userError: 1, usage: 2, internal: 3 } as const;

const userErrors: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'PATH_NOT_FOUND',
  'FILE_UNREADABLE',
  'UNSUPPORTED_FORMAT',
  'INVALID_INPUT',
  'INVALID_CONFIG',
  'KB_NOT_FOUND',
  'RUN_NOT_FOUND',
  'REGRESSION',
  'DATASET_INVALID',
  'STORE_CORRUPT',
  'STORE_BUSY',
  'STORE_READ_ONLY',
  'STORE_FOREIGN',
  'DISK_FULL',
  'KEY_TAKEN',
  'PROVIDER_AUTH',
  'PROVIDER_BAD_REQUEST',
  'PROVIDER_RATE_LIMITED',
  'PROVIDER_UNAVAILABLE',
  'PROVIDER_TIMEOUT',
  'PROVIDER_BAD_RESPONSE',
  'MODEL_INVALID',
  'ABORTED',
]);

/**
 * Maps an error code to the process exit code.
 *
 * @example
 * exitCodeFor('KB_NOT_FOUND'); // 1
 */
export function exitCodeFor(code: ErrorCode): number {
  return userErrors.has(code) ? exitCodes.userError : exitCodes.internal;
}
