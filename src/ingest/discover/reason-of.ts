/**
 * The message of a caught error, for a problem's reason.
 *
 * @example
 * reasonOf(new Error('EACCES: permission denied')); // 'EACCES: permission denied'
 */
export const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
