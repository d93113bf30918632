import type Database from 'better-sqlite3';
import { dirname } from 'node:path';
import { GroundedError, isGroundedError } from '../../../core/errors.js';
import { checkStoreIntegrity } from './check-store-integrity.js';
import { createStoreConnection, type StoreConnection } from './create-store-connection.js';
import { openStoreForReading } from './open-store-for-reading.js';
import { openStoreForWriting } from './open-store-for-writing.js';
import { schemaVersion } from './schema.js';

/** The connection a store method runs on, and the knowledge base's id in it. */
export interface KnowledgeBaseConnection {
  readonly connection: StoreConnection;
  readonly kbId: number;
}

/** The one open database of a SQLite store: read-only until the first write. */
export interface SqliteConnections {
  /** The open connection; undefined when there is no store yet (a read never creates one). */
  reader(): StoreConnection | undefined;
  /** A connection that can write: `data` writes check the store's integrity first, `cache` writes do not. */
  writer(purpose: 'data' | 'cache'): StoreConnection;
  /** For a read of `kb`; throws `KB_NOT_FOUND`. */
  read(kb: string): KnowledgeBaseConnection;
  /** For a write to `kb`; throws `KB_NOT_FOUND`. */
  write(kb: string, purpose?: 'data' | 'cache'): KnowledgeBaseConnection;
  listKnowledgeBases(): string[];
  close(): void;
}

/**
 * Manages the connection of the store at `file`: opened read-only on first use (nothing created, switched or locked),
 * re-opened for writing by the first write (integrity checked before the first write of data, not before a cached
 * index snapshot), an older schema migrated before it is read.
 *
 * @example
 * const connections = openSqliteConnections('.grounded/grounded.db');
 * const { connection, kbId } = connections.read('docs');
 */
export function openSqliteConnections(file: string): SqliteConnections {
  let current: { connection: StoreConnection; access: 'read' | 'write' } | undefined;
  let checked = false;
  let closed = false;

  function reader(): StoreConnection | undefined {
    if (closed) throw new GroundedError('INTERNAL', `the store at ${file} is closed`);
    if (current !== undefined) return current.connection;
    const opened = openStoreForReading(file);
    if (opened === undefined) return undefined;
    if (opened.identity.version !== schemaVersion) {
      opened.db.close();
      return upgradeForReading(opened.identity.version);
    }
    current = { connection: connect(opened.db), access: 'read' };
    return current.connection;
  }

  /** An older store is migrated before it is read, which needs write access once. */
  function upgradeForReading(version: number): StoreConnection {
    try {
      return writer('data');
    } catch (error) {
      if (!isGroundedError(error, 'STORE_READ_ONLY')) throw error;
      throw new GroundedError('STORE_READ_ONLY', `the store at ${file} has schema version ${version} and must be upgraded to ${schemaVersion} once, which needs write access`, {
        details: { file, version },
        hint: `run grounded ingest once as a user who can write ${dirname(file)}`,
        cause: error,
      });
    }
  }

  function writer(purpose: 'data' | 'cache'): StoreConnection {
    if (closed) throw new GroundedError('INTERNAL', `the store at ${file} is closed`);
    if (current?.access === 'write') {
      if (purpose === 'data' && !checked) checkStoreIntegrity(current.connection.db, file);
      checked ||= purpose === 'data';
      return current.connection;
    }
    const connection = connect(openStoreForWriting(file, { check: purpose === 'data' }));
    // Swapped only once the writer is open: a failed upgrade leaves the reader serving.
    current?.connection.db.close();
    current = { connection, access: 'write' };
    checked = purpose === 'data';
    return connection;
  }

  function listKnowledgeBases(): string[] {
    const connection = reader();
    if (connection === undefined) return [];
    return (connection.statements.kbList.all() as { name: string }[]).map((row) => row.name);
  }

  function read(kb: string): KnowledgeBaseConnection {
    const connection = reader();
    if (connection === undefined) throw noStore(file, kb);
    const row = connection.statements.kbByName.get(kb) as { id: number } | undefined;
    if (row === undefined) {
      throw new GroundedError('KB_NOT_FOUND', `knowledge base '${kb}' does not exist`, {
        details: { kb, available: listKnowledgeBases() },
        hint: `ingest something into it first: grounded ingest --kb ${kb} PATH`,
      });
    }
    return { connection, kbId: row.id };
  }

  return {
    reader,
    writer,
    read,
    write(kb, purpose = 'data') {
      const { kbId } = read(kb);
      return { connection: writer(purpose), kbId };
    },
    listKnowledgeBases,
    close() {
      closed = true;
      current?.connection.db.close();
      current = undefined;
    },
  };
}

/** `KB_NOT_FOUND` for a store that does not exist yet: a read never creates one. */
function noStore(file: string, kb: string): GroundedError {
  const dir = dirname(file);
  return new GroundedError('KB_NOT_FOUND', `no knowledge base at ${dir}`, {
    details: { kb, dataDir: dir, available: [] },
    hint: `ingest first (grounded ingest --data-dir ${dir} PATH), or check --data-dir`,
  });
}

function connect(db: Database.Database): StoreConnection {
  try {
    return createStoreConnection(db);
  } catch (error) {
    db.close();
    throw error;
  }
}
