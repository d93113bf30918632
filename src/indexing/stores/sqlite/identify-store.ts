import type Database from 'better-sqlite3';
import { GroundedError } from '../../../core/errors.js';
import { applicationId, schemaVersion } from './schema.js';

/** What a SQLite file at the store's path is: nothing yet, or a grounded store of some schema version. */
export type StoreIdentity =
  | { readonly kind: 'empty' }
  | {
      readonly kind: 'grounded';
      readonly version: number;
      /** Whether it carries grounded's `application_id` (stores older than the marker do not). */
      readonly marked: boolean;
    };

/**
 * Tells what the database behind `db` is, reading only its header and `sqlite_master` (and `meta` when it is there),
 * so a file that is refused is never written. Throws `STORE_FOREIGN` for a database grounded did not create (another
 * application's id, or tables but neither the marker nor grounded's `meta`), `STORE_CORRUPT` for a grounded store of
 * a newer schema version or one whose version is unreadable.
 *
 * @example
 * if (identifyStore(db, file).kind === 'empty') createSchema(db);
 */
export function identifyStore(db: Database.Database, file: string): StoreIdentity {
  const id = db.pragma('application_id', { simple: true }) as number;
  const names = (db.prepare("SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map(
    (row) => row.name,
  );
  if (id !== 0 && id !== applicationId) {
    throw foreign(file, `its application_id is ${id}, not grounded's`);
  }
  if (names.length === 0) return { kind: 'empty' };
  const version = names.includes('meta') ? metaVersion(db) : undefined;
  if (version === undefined) {
    if (id === applicationId) {
      throw new GroundedError('STORE_CORRUPT', `the store at ${file} is marked as grounded's but has no schema version`, {
        details: { file },
        hint: `move ${file} away and ingest again (the store is rebuilt from your files)`,
      });
    }
    throw foreign(file, `it has tables (${names.slice(0, 5).join(', ')}${names.length > 5 ? ', ...' : ''}) and no grounded marker`);
  }
  if (!Number.isInteger(version) || version > schemaVersion) {
    throw new GroundedError('STORE_CORRUPT', `the store at ${file} has schema version ${version}, this grounded reads up to ${schemaVersion}`, {
      details: { file, version },
      hint: 'it was written by a newer grounded: upgrade grounded, or point --data-dir at another folder',
    });
  }
  return { kind: 'grounded', version, marked: id === applicationId };
}

function metaVersion(db: Database.Database): number | undefined {
  let row: { value: string } | undefined;
  try {
    row = db.prepare('SELECT value FROM meta WHERE key = ?').get('schemaVersion') as { value: string } | undefined;
  } catch (error) {
    // Another application's `meta` table, with other columns.
    if ((error as { code?: unknown }).code === 'SQLITE_ERROR') return undefined;
    throw error;
  }
  return row === undefined ? undefined : Number(row.value);
}

function foreign(file: string, why: string): GroundedError {
  return new GroundedError('STORE_FOREIGN', `${file} is a SQLite database that grounded did not create (${why}); it was left untouched`, {
    details: { file },
    hint: 'point --data-dir at a folder of its own (grounded keeps its store in <data-dir>/grounded.db)',
  });
}
