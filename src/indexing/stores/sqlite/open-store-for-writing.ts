import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { GroundedError } from '../../../core/errors.js';
import { checkStoreIntegrity } from './check-store-integrity.js';
import { identifyStore, type StoreIdentity } from './identify-store.js';
import { prepareDataDir } from './prepare-data-dir.js';
import { applicationId, migrationsSql, schemaSql, schemaVersion } from './schema.js';
import { translateSqliteError } from './translate-sqlite-error.js';

/** How long a writer waits for another one to release the write lock before `STORE_BUSY`. */
export const busyTimeoutMs = 5000;

/** Settings of {@link openStoreForWriting}. */
export interface OpenStoreForWritingOptions {
  /** Run `PRAGMA quick_check` before handing the store out (see `checkStoreIntegrity`). Default true. */
  readonly check?: boolean;
}

/**
 * Opens the store at `file` for writing: creates the data directory and an empty store (WAL mode, schema, the
 * `application_id` marker and `user_version`, all in one transaction), migrates an older grounded store one version
 * at a time, and marks a grounded store that predates the marker. The file is identified first through a read-only
 * connection, so a file grounded refuses (another application's database, a newer schema) is never written, not even
 * switched to WAL. Every write transaction is `BEGIN IMMEDIATE` with a busy timeout. Errors are translated
 * (`translateSqliteError`).
 *
 * @example
 * const db = openStoreForWriting('.grounded/grounded.db');
 */
export function openStoreForWriting(file: string, options: OpenStoreForWritingOptions = {}): Database.Database {
  if (file !== ':memory:') prepareDataDir(dirname(file), 'write');
  const identity = file === ':memory:' || isEmptyFile(file) ? ({ kind: 'empty' } as const) : probe(file);
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { timeout: busyTimeoutMs });
    if (identity.kind === 'grounded' && (options.check ?? true)) checkStoreIntegrity(db, file);
    if (identity.kind === 'empty') create(db, file);
    else upgrade(db, identity);
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    return db;
  } catch (error) {
    db?.close();
    throw translateSqliteError(error, file);
  }
}

function isEmptyFile(file: string): boolean {
  try {
    return statSync(file).size === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw translateSqliteError(error, file);
  }
}

/** Identifies the file through a read-only connection, which cannot change it. */
function probe(file: string): StoreIdentity {
  let reader: Database.Database | undefined;
  try {
    reader = new Database(file, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs });
    return identifyStore(reader, file);
  } catch (error) {
    throw translateSqliteError(error, file);
  } finally {
    reader?.close();
  }
}

function create(db: Database.Database, file: string): void {
  // journal_mode cannot change inside a transaction; on a file another process created meanwhile it is a no-op.
  db.pragma('journal_mode = WAL');
  db.transaction(() => {
    // Under the write lock: a concurrent first ingest may have created the store since the probe.
    const identity = identifyStore(db, file);
    if (identity.kind !== 'empty') return;
    db.exec(schemaSql);
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('schemaVersion', String(schemaVersion));
    mark(db);
  }).immediate();
}

/** Brings an older store up to the current version step by step, each step in one transaction, and marks it. */
function upgrade(db: Database.Database, identity: Extract<StoreIdentity, { kind: 'grounded' }>): void {
  let version = identity.version;
  while (version < schemaVersion) {
    const sql = migrationsSql[version];
    if (sql === undefined) break;
    const next = version + 1;
    db.transaction(() => {
      db.exec(sql);
      db.prepare('UPDATE meta SET value = ? WHERE key = ?').run(String(next), 'schemaVersion');
      if (next === schemaVersion) mark(db);
    }).immediate();
    version = next;
  }
  if (version !== schemaVersion) {
    throw new GroundedError('STORE_CORRUPT', `the store has schema version ${version}, which this grounded cannot upgrade to ${schemaVersion}`, {
      details: { version },
      hint: 'point --data-dir at a new folder and ingest again',
    });
  }
  if (!identity.marked && identity.version === schemaVersion) db.transaction(() => mark(db)).immediate();
}

function mark(db: Database.Database): void {
  db.pragma(`application_id = ${applicationId}`);
  db.pragma(`user_version = ${schemaVersion}`);
}
