/**
 * Stable error codes. Callers switch on `code`, never on message text. Every code has exactly one row in
 * {@link errorTable} (`core/error-table.ts`): its exit code, HTTP status, whether a retry can succeed, and its meaning;
 * `docs/errors.md` lists them.
 */
export type ErrorCode =
  | 'PATH_NOT_FOUND'
  | 'FILE_UNREADABLE'
  /** A value the caller chose is outside what the call accepts: a flag, an option, a parameter with a stated range. */
  | 'INVALID_ARGUMENT'
  /** The content of a file, record or dataset cannot be used: not text, malformed, empty, over a limit, too few cases. */
  | 'INVALID_DATA'
  | 'INVALID_CONFIG'
  /** The knowledge base is not in the state the call needs yet (empty, no vectors): run ingest first. */
  | 'NOT_READY'
  | 'KB_NOT_FOUND'
  | 'RUN_NOT_FOUND'
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
  /** A broken invariant: a bug in grounded, or in code calling its low-level parts out of their contract. */
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
