import type { Store } from '../../../core/store/store.js';
import { openSqliteConnections } from './open-sqlite-connections.js';
import { openSqliteKnowledgeBase } from './open-sqlite-knowledge-base.js';
import { translateSqliteError } from './translate-sqlite-error.js';
import { wrapSqliteCall } from './wrap-sqlite-call.js';

/** Settings of {@link createSqliteStore}. */
export interface SqliteStoreOptions {
  /**
   * `write` (default): open for writing now, creating the data directory and the store, and checking its integrity.
   * `read`: open read-only on first use and create nothing (a missing store is `KB_NOT_FOUND`); the first write
   * re-opens it for writing (integrity checked before the first write of data, not before a cached index snapshot).
   */
  readonly access?: 'read' | 'write';
}

/**
 * Opens (or creates) the embedded SQLite store at `file`, in WAL mode, behind the async {@link Store} contract
 * (better-sqlite3 is synchronous: each method runs its statements at once and resolves).
 *
 * Every write goes through one transaction (`BEGIN IMMEDIATE`): a crash or kill mid-ingest leaves the last committed
 * state, and a re-run completes the work. Every SQLite failure is translated into a stable code
 * (`translateSqliteError`): `STORE_BUSY`, `DISK_FULL`, `STORE_READ_ONLY`, `STORE_CORRUPT`, ... A SQLite file grounded
 * did not create is refused untouched (`STORE_FOREIGN`).
 *
 * @example
 * const store = createSqliteStore('.grounded/grounded.db');
 * await store.open('default').create();
 * const reader = createSqliteStore('.grounded/grounded.db', { access: 'read' });
 */
export function createSqliteStore(file: string, options: SqliteStoreOptions = {}): Store {
  const access = file === ':memory:' ? 'write' : (options.access ?? 'write');
  const connections = openSqliteConnections(file);
  if (access === 'write') {
    try {
      connections.writer('data');
    } catch (error) {
      throw translateSqliteError(error, file);
    }
  }
  return {
    listKnowledgeBases: wrapSqliteCall(file, () => connections.listKnowledgeBases()),
    open: (kb) => openSqliteKnowledgeBase(connections, kb, file),
    pruneEmbeddings: wrapSqliteCall(file, () => connections.writer('data').statements.pruneEmbeddings.run().changes),
    close: wrapSqliteCall(file, () => connections.close()),
  };
}
