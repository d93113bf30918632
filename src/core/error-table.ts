import type { ErrorCode } from './errors.js';

/**
 * What one error code means to the outside: the CLI's exit code (1 a failure the user can fix, 3 a bug in grounded;
 * 2, wrong usage, comes from the argument parser before any command runs and so belongs to no code), the HTTP status
 * a server answers with, and whether the same call, repeated unchanged later, can succeed.
 */
export interface ErrorCodeRow {
  readonly exit: 1 | 2 | 3;
  readonly httpStatus: number;
  readonly retryable: boolean;
  /** One sentence for `docs/errors.md`: when the code is thrown. */
  readonly meaning: string;
}

/**
 * The one table from error code to exit code, HTTP status and retryability. A `Record` over {@link ErrorCode}, so a
 * code without a row (or a row without a code) does not compile; `cli/exit-code-for.ts` and `core/http-status-for.ts`
 * read it, and `error-table.test.ts` checks that `docs/errors.md` shows it and that every code is thrown somewhere.
 *
 * Statuses: a caller's mistake is 4xx (400 argument, 422 data, 404 missing, 409 state); the host's trouble
 * (configuration, store, files, local models, bugs) is 500; an outside provider's failure is 502/503/504, or 429
 * passed through for a rate limit. `ABORTED` is 499 (nginx's "client closed request"): the caller cancelled, so
 * nobody reads the answer.
 *
 * @example
 * errorTable.STORE_BUSY; // { exit: 1, httpStatus: 503, retryable: true, meaning: '...' }
 */
export const errorTable: Readonly<Record<ErrorCode, ErrorCodeRow>> = {
  PATH_NOT_FOUND: {
    exit: 1,
    httpStatus: 404,
    retryable: false,
    meaning: 'A file or folder that was named does not exist, or an output file cannot be created there.',
  },
  FILE_UNREADABLE: {
    exit: 1,
    httpStatus: 500,
    retryable: false,
    meaning: 'A file exists but cannot be read (permissions), the store included.',
  },
  INVALID_ARGUMENT: {
    exit: 1,
    httpStatus: 400,
    retryable: false,
    meaning:
      'A value the caller chose is outside what the call accepts: a flag value (a date, a metric name, a report path), ' +
      'an option with a stated range, a vector of the wrong size.',
  },
  INVALID_DATA: {
    exit: 1,
    httpStatus: 422,
    retryable: false,
    meaning:
      'The content of a file, record or dataset cannot be used: binary or badly encoded, empty, over a size limit, ' +
      'malformed, or a golden set with too few cases.',
  },
  INVALID_CONFIG: {
    exit: 1,
    httpStatus: 500,
    retryable: false,
    meaning: 'The configuration (file, environment, data directory) is invalid or lacks what the call needs.',
  },
  NOT_READY: {
    exit: 1,
    httpStatus: 409,
    retryable: false,
    meaning: 'The knowledge base is not in the state the call needs yet (empty, no chunk has a vector): run ingest first.',
  },
  KB_NOT_FOUND: { exit: 1, httpStatus: 404, retryable: false, meaning: 'No knowledge base of that name (or no store at all).' },
  RUN_NOT_FOUND: { exit: 1, httpStatus: 404, retryable: false, meaning: 'No stored evaluation run with that id.' },
  STORE_CORRUPT: {
    exit: 1,
    httpStatus: 500,
    retryable: false,
    meaning: 'The store, a snapshot or an index file fails its checks; writes refuse it.',
  },
  STORE_BUSY: {
    exit: 1,
    httpStatus: 503,
    retryable: true,
    meaning: 'Another process held the write lock longer than the wait.',
  },
  STORE_READ_ONLY: {
    exit: 1,
    httpStatus: 500,
    retryable: false,
    meaning: 'The store or its data directory cannot be written: permission denied or a read-only file system.',
  },
  STORE_FOREIGN: {
    exit: 1,
    httpStatus: 500,
    retryable: false,
    meaning: 'The file at the store path is a SQLite database grounded did not create; it is left untouched.',
  },
  DISK_FULL: { exit: 1, httpStatus: 507, retryable: false, meaning: 'The disk holding the data directory or the output is full.' },
  KEY_TAKEN: {
    exit: 1,
    httpStatus: 409,
    retryable: true,
    meaning: 'A concurrent sync took a document key first; nothing was applied (sync claims again by itself).',
  },
  PROVIDER_AUTH: { exit: 1, httpStatus: 502, retryable: false, meaning: 'A provider refused the credentials (HTTP 401/403).' },
  PROVIDER_BAD_REQUEST: {
    exit: 1,
    httpStatus: 502,
    retryable: false,
    meaning: 'A provider rejected the request (another 4xx), with its own message.',
  },
  PROVIDER_RATE_LIMITED: {
    exit: 1,
    httpStatus: 429,
    retryable: true,
    meaning: 'A provider refused for its rate limit: HTTP 429 after the retries, or a rate-limit error in a stream.',
  },
  PROVIDER_UNAVAILABLE: {
    exit: 1,
    httpStatus: 503,
    retryable: true,
    meaning: 'A provider could not be reached or kept failing (5xx, connection errors) after the retries.',
  },
  PROVIDER_TIMEOUT: { exit: 1, httpStatus: 504, retryable: true, meaning: 'A provider did not answer in time.' },
  PROVIDER_BAD_RESPONSE: {
    exit: 1,
    httpStatus: 502,
    retryable: false,
    meaning: 'A provider answered with something that is not what its API promises (bad JSON, wrong shape, cut short).',
  },
  MODEL_INVALID: {
    exit: 1,
    httpStatus: 500,
    retryable: false,
    meaning: 'A local model folder (ONNX) is missing files, cannot be read, or does not load or run.',
  },
  ABORTED: { exit: 1, httpStatus: 499, retryable: false, meaning: "The caller's abort signal cancelled the call." },
  INTERNAL: {
    exit: 3,
    httpStatus: 500,
    retryable: false,
    meaning:
      'A broken invariant: a bug in grounded, or code calling its low-level parts out of their contract (row ids ' +
      'that are not integers, duplicate rows, counts that disagree, a closed store).',
  },
};
