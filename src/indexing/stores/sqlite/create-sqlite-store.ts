import type Database from 'better-sqlite3';
import { dirname } from 'node:path';
import type { Chunk } from '../../../core/document.js';
import { GroundedError, isGroundedError } from '../../../core/errors.js';
import type { SourceRecord, Store, StoredDocument } from '../../../core/store.js';
import { checkStoreIntegrity } from './check-store-integrity.js';
import { createStoreConnection, type StoreConnection } from './create-store-connection.js';
import { openStoreForReading } from './open-store-for-reading.js';
import { openStoreForWriting } from './open-store-for-writing.js';
import { schemaVersion } from './schema.js';
import { translateSqliteError } from './translate-sqlite-error.js';

interface ChunkRow {
  id: number;
  key: string;
  title: string;
  ordinal: number;
  start: number;
  end: number;
  text: string;
  heading_path: string;
  tokens: number;
}

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
 * Opens (or creates) the embedded SQLite store at `file`, in WAL mode.
 *
 * Every write goes through one transaction (`BEGIN IMMEDIATE`): a crash or kill mid-ingest leaves the last committed
 * state, and a re-run completes the work. Every SQLite failure is translated into a stable code
 * (`translateSqliteError`): `STORE_BUSY`, `DISK_FULL`, `STORE_READ_ONLY`, `STORE_CORRUPT`, ... A SQLite file grounded
 * did not create is refused untouched (`STORE_FOREIGN`).
 *
 * @example
 * const store = createSqliteStore('.grounded/grounded.db');
 * store.ensureKnowledgeBase('default');
 * const reader = createSqliteStore('.grounded/grounded.db', { access: 'read' });
 */
export function createSqliteStore(file: string, options: SqliteStoreOptions = {}): Store {
  const access = file === ':memory:' ? 'write' : (options.access ?? 'write');
  let current: { connection: StoreConnection; access: 'read' | 'write' } | undefined;
  let checked = false;
  let closed = false;

  /** The open connection (read-only until something is written); undefined when there is no store yet. */
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

  /** A connection that can write: `data` writes check the store's integrity first, `cache` writes do not. */
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

  /** The connection for a read of knowledge base `kb`, and its id. */
  function readKnowledgeBase(kb: string): { connection: StoreConnection; kbId: number } {
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

  /** The id of `kb` and a connection that can write. */
  function writeKnowledgeBase(kb: string, purpose: 'data' | 'cache' = 'data'): { connection: StoreConnection; kbId: number } {
    const { kbId } = readKnowledgeBase(kb);
    return { connection: writer(purpose), kbId };
  }

  function listKnowledgeBases(): string[] {
    const connection = reader();
    if (connection === undefined) return [];
    return (connection.statements.kbList.all() as { name: string }[]).map((row) => row.name);
  }

  const store: Store = {
    listKnowledgeBases,
    requireKnowledgeBase: (kb) => readKnowledgeBase(kb).kbId,
    textsToEmbed(kb, model) {
      const { connection, kbId } = writeKnowledgeBase(kb);
      return connection.textsToEmbed(kbId, model);
    },
    putEmbeddings(model, embeddings) {
      writer('data').putEmbeddings(model, embeddings);
    },
    embeddingCoverage(kb, model) {
      // Chunks of a version 2 store with no hash yet count as not embedded: they have no vector under any model.
      const { connection, kbId } = readKnowledgeBase(kb);
      return connection.statements.coverage.get(model, kbId) as { chunks: number; embedded: number };
    },
    chunkVectors(kb, model, only) {
      const { connection, kbId } = readKnowledgeBase(kb);
      return connection.readChunkVectors(kbId, model, only);
    },
    pruneEmbeddings() {
      return writer('data').statements.pruneEmbeddings.run().changes;
    },
    generation(kb) {
      const { connection, kbId } = readKnowledgeBase(kb);
      return connection.generationOf(kbId);
    },
    documentRows(kb) {
      const { connection, kbId } = readKnowledgeBase(kb);
      return connection.readDocumentRows(kbId);
    },
    ensureKnowledgeBase(kb) {
      writer('data').statements.kbInsert.run(kb, new Date().toISOString());
      return readKnowledgeBase(kb).kbId;
    },
    listSources(kb) {
      const { connection, kbId } = readKnowledgeBase(kb);
      return connection.statements.sourcesOfKb.all(kbId) as SourceRecord[];
    },
    findDocumentOwner(kb, key) {
      const { connection, kbId } = readKnowledgeBase(kb);
      return connection.statements.documentOwner.get(kbId, key) as { root: string; path: string } | undefined;
    },
    applyBatch(kb, batch) {
      const { connection, kbId } = writeKnowledgeBase(kb);
      connection.applyBatch(kbId, batch);
    },
    counts(kb) {
      const { connection, kbId } = readKnowledgeBase(kb);
      const documents = (connection.statements.countDocuments.get(kbId) as { n: number }).n;
      const chunks = (connection.statements.countChunks.get(kbId) as { n: number }).n;
      return { documents, chunks };
    },
    indexRows(kb) {
      const { connection, kbId } = readKnowledgeBase(kb);
      return connection.readIndexRows(kbId);
    },
    getIndexSnapshot(kb, key) {
      const { connection, kbId } = readKnowledgeBase(kb);
      const row = connection.statements.snapshot.get(kbId, key, connection.generationOf(kbId)) as { data: Buffer } | undefined;
      return row?.data;
    },
    putIndexSnapshot(kb, key, generation, bytes, putOptions = {}) {
      const { connection, kbId } = writeKnowledgeBase(kb, 'cache');
      const save = (): void => connection.putIndexSnapshot(kbId, key, generation, bytes);
      if (putOptions.maxWaitMs === undefined) save();
      else connection.withBusyTimeout(putOptions.maxWaitMs, save);
    },
    chunksByRow(kb, rows) {
      const { connection, kbId } = readKnowledgeBase(kb);
      const chunks = new Map<number, Chunk>();
      for (const row of rows) {
        const raw = connection.statements.chunkByRow.get(row, kbId) as ChunkRow | undefined;
        if (raw !== undefined) chunks.set(row, toChunk(raw));
      }
      return chunks;
    },
    saveEvalRun(kb, run) {
      const { connection, kbId } = writeKnowledgeBase(kb);
      connection.statements.insertRun.run(run.id, kbId, run.createdAt, run.golden, JSON.stringify(run.summary), run.report);
    },
    listEvalRuns(kb) {
      const { connection, kbId } = readKnowledgeBase(kb);
      const rows = connection.statements.listRuns.all(kbId) as { id: string; created_at: string; golden: string; summary: string }[];
      return rows.map((row) => ({
        id: row.id,
        createdAt: row.created_at,
        golden: row.golden,
        summary: JSON.parse(row.summary) as Record<string, unknown>,
      }));
    },
    getEvalRun(kb, idOrPrefix) {
      const { connection, kbId } = readKnowledgeBase(kb);
      const rows = connection.statements.runsByPrefix.all(kbId, `${idOrPrefix.replace(/[%_\\]/g, '\\$&')}%`) as {
        id: string;
        created_at: string;
        golden: string;
        summary: string;
        report: string;
      }[];
      const exact = rows.find((row) => row.id === idOrPrefix);
      const row = exact ?? (rows.length === 1 ? rows[0] : undefined);
      if (row === undefined) return undefined;
      return {
        id: row.id,
        createdAt: row.created_at,
        golden: row.golden,
        summary: JSON.parse(row.summary) as Record<string, unknown>,
        report: row.report,
      };
    },
    allDocuments(kb) {
      const { connection, kbId } = readKnowledgeBase(kb);
      return connection.statements.allDocuments.all(kbId) as { key: string; text: string }[];
    },
    getDocument(kb, key) {
      const { connection, kbId } = readKnowledgeBase(kb);
      const raw = connection.statements.documentByKey.get(kbId, key) as { key: string; title: string; text: string; metadata: string } | undefined;
      if (raw === undefined) return undefined;
      const document: StoredDocument = { ...raw, metadata: JSON.parse(raw.metadata) as Record<string, unknown> };
      return document;
    },
    getTunedModel(kb, name) {
      const { connection, kbId } = readKnowledgeBase(kb);
      const raw = connection.statements.tunedModel.get(kbId, name) as { payload: string; created_at: string } | undefined;
      return raw === undefined ? undefined : { payload: raw.payload, createdAt: raw.created_at };
    },
    putTunedModel(kb, name, payload, createdAt) {
      // One upsert statement: SQLite runs it as its own transaction, so a reader sees the old model or the new one.
      const { connection, kbId } = writeKnowledgeBase(kb);
      connection.statements.upsertTunedModel.run(kbId, name, payload, createdAt);
    },
    deleteTunedModel(kb, name) {
      const { connection, kbId } = writeKnowledgeBase(kb);
      return connection.statements.deleteTunedModel.run(kbId, name).changes > 0;
    },
    close() {
      closed = true;
      current?.connection.db.close();
      current = undefined;
    },
  };
  const guarded = translateErrors(store, file);
  if (access === 'write') writerAtOnce(writer, file);
  return guarded;
}

/** Opens the writer at construction (access `write`), with the same error translation as every method. */
function writerAtOnce(writer: (purpose: 'data') => StoreConnection, file: string): void {
  try {
    writer('data');
  } catch (error) {
    throw translateSqliteError(error, file);
  }
}

/** The store with every method's SQLite and file-system errors translated (`translateSqliteError`). */
function translateErrors(store: Store, file: string): Store {
  const guarded: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(store) as [string, (...args: unknown[]) => unknown][]) {
    guarded[name] = (...args: unknown[]): unknown => {
      try {
        return method(...args);
      } catch (error) {
        throw translateSqliteError(error, file);
      }
    };
  }
  return guarded as unknown as Store;
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

function toChunk(raw: ChunkRow): Chunk {
  return {
    id: `${raw.key}#${raw.ordinal}`,
    doc: raw.key,
    title: raw.title,
    ordinal: raw.ordinal,
    start: raw.start,
    end: raw.end,
    text: raw.text,
    headingPath: JSON.parse(raw.heading_path) as string[],
    tokens: raw.tokens,
  };
}
