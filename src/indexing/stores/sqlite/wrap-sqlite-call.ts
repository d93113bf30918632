import { translateSqliteError } from './translate-sqlite-error.js';

/**
 * An async function running the synchronous `call` (better-sqlite3 blocks; the store contract is async so that a
 * networked store can implement it), with its SQLite and file-system errors translated into stable codes.
 *
 * @example
 * const counts = wrapSqliteCall(file, () => countRows());
 * await counts();
 */
export function wrapSqliteCall<Args extends unknown[], Result>(file: string, call: (...args: Args) => Result): (...args: Args) => Promise<Result> {
  return async (...args: Args): Promise<Result> => {
    try {
      return call(...args);
    } catch (error) {
      throw translateSqliteError(error, file);
    }
  };
}
