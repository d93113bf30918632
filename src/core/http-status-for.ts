import { errorTable } from './error-table.js';
import type { ErrorCode } from './errors.js';

/**
 * The HTTP status a server answers an error code with, read from {@link errorTable}: 4xx for the caller's mistakes,
 * 5xx for the host's or a provider's trouble.
 *
 * @example
 * httpStatusFor('KB_NOT_FOUND'); // 404
 * httpStatusFor('PROVIDER_TIMEOUT'); // 504
 */
export function httpStatusFor(code: ErrorCode): number {
  return errorTable[code].httpStatus;
}
