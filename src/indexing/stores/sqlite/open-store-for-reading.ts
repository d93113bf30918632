import Database from 'better-sqlite3';
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { GroundedError } from '../../../core/errors.js';
import { unwritableReason } from '../../file-errors/unwritable-reason.js';
import { identifyStore, type StoreIdentity } from './identify-store.js';
import { busyTimeoutMs } from './open-store-for-writing.js';
import { prepareDataDir } from './prepare-data-dir.js';
import { translateSqliteError } from './translate-sqlite-error.js';

/** A store opened read-only by {@link openStoreForReading}. */
export interface StoreOpenedForReading {
  readonly db: Database.Database;
  readonly identity: Extract<StoreIdentity, { kind: 'grounded' }>;
  /** True when the folder is read-only and the store was read into memory (see {@link openStoreForReading}). */
  readonly copied: boolean;
}

/**
 * Opens the store at `file` read-only (`readonly`, `fileMustExist`): nothing is created, switched or written, so a
 * mistyped `--data-dir` stays absent and another application's database stays as it was. Returns undefined when
 * there is no store yet (no folder, no file, or an empty file). Throws `STORE_FOREIGN` for a database grounded did not
 * create, and what `prepareDataDir` and `translateSqliteError` throw.
 *
 * A WAL database needs its `-shm` file, which SQLite cannot create in a read-only folder (a read-only mount, or a
 * folder of another user): there the file is read into memory and opened from the copy, which is exact when no
 * `-wal` file holds unmerged changes (one that does is refused with `STORE_READ_ONLY` and what to do).
 *
 * @example
 * const opened = openStoreForReading('.grounded/grounded.db');
 * if (opened === undefined) throw new Error('ingest first');
 */
export function openStoreForReading(file: string): StoreOpenedForReading | undefined {
  if (!prepareDataDir(dirname(file), 'read') || sizeOf(file) === 0) return undefined;
  let db: Database.Database | undefined;
  let copied = false;
  let identity: StoreIdentity;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs });
    identity = identifyStore(db, file);
  } catch (error) {
    db?.close();
    db = undefined;
    if (!needsCopy(file, error)) throw translateSqliteError(error, file);
    db = openCopy(file);
    copied = true;
    try {
      identity = identifyStore(db, file);
    } catch (copyError) {
      db.close();
      throw translateSqliteError(copyError, file);
    }
  }
  if (identity.kind === 'empty') {
    db.close();
    return undefined;
  }
  return { db, identity, copied };
}

/** Bytes in `file`; 0 when it does not exist. */
function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw translateSqliteError(error, file);
  }
}

/** Whether SQLite could not open a readable store only because it cannot create `-shm` in a read-only folder. */
function needsCopy(file: string, error: unknown): boolean {
  // What SQLite says when it cannot create `-shm`: CANTOPEN on a read-only mount, READONLY_DIRECTORY (or CANTINIT)
  // in a folder this user may not write.
  const code = (error as { code?: unknown }).code;
  const shmRefused = typeof code === 'string' && (code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_READONLY_DIRECTORY' || code === 'SQLITE_READONLY_CANTINIT');
  if (!shmRefused) return false;
  if (unwritableReason(dirname(file)) === undefined) return false;
  if (sizeOf(`${file}-wal`) > 0) {
    throw new GroundedError('STORE_READ_ONLY', `the store at ${file} has changes in ${file}-wal that SQLite cannot read from a read-only folder`, {
      details: { file },
      hint: `run any grounded command on it once where ${dirname(file)} is writable (that merges the changes), or make the folder writable`,
    });
  }
  try {
    accessSync(file, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The store read into memory: bytes 18 and 19 of the header say WAL (2), which SQLite's in-memory databases cannot
 * open; set back to the rollback journal (1) in the copy only, the file stays as it is.
 */
function openCopy(file: string): Database.Database {
  const bytes = readFileSync(file);
  if (bytes[18] === 2 && bytes[19] === 2) {
    bytes[18] = 1;
    bytes[19] = 1;
  }
  return new Database(bytes, { readonly: true });
}
