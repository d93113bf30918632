import { accessSync, constants } from 'node:fs';
import { dirname } from 'node:path';
import { GroundedError } from '../../../core/errors.js';
import { diskFullError } from '../../file-errors/disk-full-error.js';
import { isNearlyFull } from '../../file-errors/is-nearly-full.js';
import { readOnlyError } from '../../file-errors/read-only-error.js';
import { toFileSystemError } from '../../file-errors/to-file-system-error.js';
import { unwritableReason } from '../../file-errors/unwritable-reason.js';

/**
 * Maps an error from SQLite (better-sqlite3's `SqliteError`, whose `code` is the extended result code) or from the
 * file system, met on the store at `file`, to the {@link GroundedError} that says what to do:
 *
 * - `SQLITE_BUSY*`, `SQLITE_LOCKED*` -> `STORE_BUSY` (another process holds the write lock past the busy timeout);
 * - `SQLITE_FULL`, an I/O error on a full disk, ENOSPC -> `DISK_FULL`;
 * - `SQLITE_CORRUPT*`, `SQLITE_NOTADB` -> `STORE_CORRUPT` (the only case whose hint suggests moving the file away);
 * - `SQLITE_READONLY*`, `SQLITE_PERM`, `SQLITE_CANTOPEN` on an unwritable folder, EACCES/EROFS -> `STORE_READ_ONLY`;
 * - `SQLITE_CANTOPEN` on a file this user cannot read -> `FILE_UNREADABLE`.
 *
 * Anything else (and any `GroundedError`) comes back unchanged: it is the system's own failure.
 *
 * @example
 * try { statement.run(); } catch (error) { throw translateSqliteError(error, file); }
 */
export function translateSqliteError(error: unknown, file: string): unknown {
  if (error instanceof GroundedError) return error;
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return toFileSystemError(error, dirname(file), 'the store');
  const folder = dirname(file);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new GroundedError('STORE_BUSY', `the store at ${file} is busy: another grounded process is writing to it`, {
      details: { file, sqlite: code },
      hint: 'wait for the other process (an ingest, an eval run) to finish, then run this command again',
      cause: error,
    });
  }
  if (code === 'SQLITE_FULL' || (code.startsWith('SQLITE_IOERR') && isNearlyFull(folder))) return diskFullError(folder, 'the store', error);
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    const what = code === 'SQLITE_NOTADB' ? 'is not a SQLite database (or its header is damaged)' : 'is damaged';
    return new GroundedError('STORE_CORRUPT', `the store at ${file} ${what}: ${(error as Error).message}`, {
      details: { file, sqlite: code },
      hint: `restore ${folder} from a backup, or move ${file} away and ingest again (the store is rebuilt from your files)`,
      cause: error,
    });
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH') {
    return readOnlyError(folder, 'the store', unwritableReason(file) ?? unwritableReason(folder), error);
  }
  if (code.startsWith('SQLITE_CANTOPEN')) return cannotOpen(file, error);
  return error;
}

/** SQLite says only "unable to open database file": find out which permission is missing. */
function cannotOpen(file: string, error: unknown): unknown {
  const folder = dirname(file);
  try {
    accessSync(file, constants.R_OK);
  } catch (access) {
    const code = (access as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') {
      return new GroundedError('FILE_UNREADABLE', `cannot read the store at ${file}: permission denied`, {
        details: { file },
        hint: `give this user read access to ${file} and its folder`,
        cause: error,
      });
    }
  }
  const reason = unwritableReason(folder);
  if (reason !== undefined) return readOnlyError(folder, 'the store', reason, error);
  return new GroundedError('FILE_UNREADABLE', `SQLite cannot open the store at ${file}`, {
    details: { file },
    hint: `check that this user may read and write ${folder} and the grounded.db* files in it`,
    cause: error,
  });
}
