/**
 * Stable error codes. Callers switch on `code`, never on message text.
 * The CLI maps them to exit codes (see `cli/exit-code-for.ts`), the server to HTTP status.
 */
export type ErrorCode =
  | 'PATH_NOT_FOUND'
  | 'FILE_UNREADABLE'
  | 'UNSUPPORTED_FORMAT'
  | 'INVALID_INPUT'
  | 'INVALID_CONFIG'
  | 'KB_NOT_FOUND'
  | 'RUN_NOT_FOUND'
  | 'REGRESSION'
  | 'DATASET_INVALID'
  | 'STORE_CORRUPT'
  | 'STORE_BUSY'
  /** The store (or its data directory) cannot be written: permission denied or a read-only file system. */
  | 'STORE_READ_ONLY'
  /** The file at the store's path is a SQLite database grounded did not create; it is left untouched. */
  | 'STORE_FOREIGN'
  /** The disk (or the file system holding the data directory) is full. */
  | 'DISK_FULL'
  /**
   * A write met a document id another source took since the writer looked (a concurrent sync into the same knowledge
   * base); nothing of the write was applied. Sync claims its keys again and retries.
   */
  | 'KEY_TAKEN'
  | 'PROVIDER_AUTH'
  | 'PROVIDER_BAD_REQUEST'
  | 'PROVIDER_RATE_LIMITED'
  | 'PROVIDER_UNAVAILABLE'
  | 'PROVIDER_TIMEOUT'
  | 'PROVIDER_BAD_RESPONSE'
  | 'MODEL_INVALID'
  | 'ABORTED'
  | 'INTERNAL';

/** Fields every error carries besides its message. */
export interface GroundedErrorOptions {
  /** Structured data about the failure (paths, line numbers); never secrets. */
  readonly details?: Record<string, unknown>;
  /** One line telling the user what to do next. */
  readonly hint?: string;
  readonly cause?: unknown;
}

/**
 * The one error type of the project.
 *
 * @example
 * throw new GroundedError('KB_NOT_FOUND', "knowledge base 'docs' does not exist", {
 *   hint: 'run `grounded ingest --kb docs PATH` first',
 * });
 */
export class GroundedError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, options: GroundedErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'GroundedError';
    this.code = code;
    this.details = options.details ?? {};
    this.hint = options.hint;
  }
}

/** True when `error` is a {@link GroundedError}, optionally with the given code. */
export function isGroundedError(error: unknown, code?: ErrorCode): error is GroundedError {
  return error instanceof GroundedError && (code === undefined || error.code === code);
}
