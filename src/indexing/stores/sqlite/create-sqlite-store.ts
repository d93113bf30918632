import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Chunk } from '../../../core/document.js';
import { GroundedError } from '../../../core/errors.js';
import type {
  CachedEmbedding,
  DocumentRows,
  IndexRow,
  SourceRecord,
  Store,
  StoredDocument,
  SyncBatch,
  TextToEmbed,
} from '../../../core/store.js';
import { embeddingText } from '../../../core/text/embedding-text.js';
import { decodeFieldTerms, encodeFieldTerms } from '../../lexical/field-terms-codec.js';
import { migrationsSql, schemaSql, schemaVersion } from './schema.js';

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

/**
 * Opens (or creates) the embedded SQLite store at `file`, in WAL mode.
 *
 * Every write goes through {@link Store.applyBatch}, one transaction per batch: a crash or kill mid-ingest leaves
 * the last committed state, and a re-run completes the work.
 *
 * @example
 * const store = createSqliteStore('.grounded/grounded.db');
 * store.ensureKnowledgeBase('default');
 */
export function createSqliteStore(file: string): Store {
  const db = openDatabase(file);
  const statements = prepareStatements(db);

  function requireKnowledgeBase(kb: string): number {
    const row = statements.kbByName.get(kb) as { id: number } | undefined;
    if (row === undefined) {
      throw new GroundedError('KB_NOT_FOUND', `knowledge base '${kb}' does not exist`, {
        details: { kb, available: listKnowledgeBases() },
        hint: `ingest something into it first: grounded ingest --kb ${kb} PATH`,
      });
    }
    return row.id;
  }

  function listKnowledgeBases(): string[] {
    return (statements.kbList.all() as { name: string }[]).map((row) => row.name);
  }

  const generationOf = (kbId: number): number => (statements.generation.get(kbId) as { generation: number }).generation;

  const readIndexRows = db.transaction((kbId: number) => {
    const rows: IndexRow[] = [];
    for (const raw of statements.indexRows.iterate(kbId) as Iterable<{ id: number; b: string; t: string }>) {
      rows.push({ row: raw.id, body: decodeFieldTerms(raw.b), title: decodeFieldTerms(raw.t) });
    }
    return { generation: generationOf(kbId), rows };
  });

  const putIndexSnapshot = db.transaction((kbId: number, key: string, generation: number, bytes: Uint8Array) => {
    if (generationOf(kbId) !== generation) return;
    statements.deleteSnapshots.run(kbId);
    statements.insertSnapshot.run(kbId, key, generation, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });

  const applyBatch = db.transaction((kbId: number, batch: SyncBatch) => {
    if (batch.upserts.length > 0 || batch.removals.length > 0) statements.bumpGeneration.run(kbId);
    for (const removal of batch.removals) statements.deleteSource.run(kbId, removal.root, removal.path);
    for (const upsert of batch.upserts) {
      const { source } = upsert;
      statements.deleteSource.run(kbId, source.root, source.path);
      const sourceId = Number(
        statements.insertSource.run(kbId, source.root, source.path, source.hash, source.size, source.fingerprint)
          .lastInsertRowid,
      );
      for (const { document, chunks } of upsert.documents) {
        const documentId = Number(
          statements.insertDocument.run(
            kbId,
            sourceId,
            document.key,
            document.title,
            document.text,
            JSON.stringify(document.metadata),
          ).lastInsertRowid,
        );
        for (const { chunk, body, title } of chunks) {
          statements.insertChunk.run(
            hashText(embeddingText(chunk)),
            kbId,
            documentId,
            chunk.ordinal,
            chunk.start,
            chunk.end,
            chunk.text,
            JSON.stringify(chunk.headingPath),
            chunk.tokens,
            encodeFieldTerms(body),
            encodeFieldTerms(title),
          );
        }
      }
    }
  });

  /** Chunks stored by a version 2 store have no hash yet: computed once, here. */
  const fillMissingHashes = db.transaction((kbId: number) => {
    for (const raw of statements.chunksWithoutHash.all(kbId) as { id: number; title: string; heading_path: string; text: string }[]) {
      const chunk = { title: raw.title, headingPath: JSON.parse(raw.heading_path) as string[], text: raw.text };
      statements.setHash.run(hashText(embeddingText(chunk)), raw.id);
    }
  });

  const textsToEmbed = db.transaction((kbId: number, model: string) => {
    fillMissingHashes(kbId);
    const texts: TextToEmbed[] = [];
    for (const raw of statements.unembedded.iterate({ model, kb: kbId }) as Iterable<{ hash: string; title: string; heading_path: string; text: string }>) {
      texts.push({ hash: raw.hash, text: embeddingText({ title: raw.title, headingPath: JSON.parse(raw.heading_path) as string[], text: raw.text }) });
    }
    return texts;
  });

  const putEmbeddings = db.transaction((model: string, embeddings: readonly CachedEmbedding[]) => {
    for (const { hash, vector } of embeddings) {
      statements.insertEmbedding.run(model, hash, Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength));
    }
  });

  const readChunkVectors = db.transaction((kbId: number, model: string, only: readonly number[] | undefined) => {
    const rows: number[] = [];
    const vectors: Float32Array[] = [];
    const add = (raw: { id: number; vector: Buffer }): void => {
      rows.push(raw.id);
      // Copied out of SQLite's buffer, aligned for Float32Array.
      vectors.push(new Float32Array(raw.vector.buffer.slice(raw.vector.byteOffset, raw.vector.byteOffset + raw.vector.byteLength)));
    };
    if (only === undefined) {
      for (const raw of statements.chunkVectors.iterate(model, kbId) as Iterable<{ id: number; vector: Buffer }>) add(raw);
    } else {
      // One query for any number of rows: the row list travels as a JSON array.
      for (const raw of statements.chunkVectorsOf.iterate(model, kbId, JSON.stringify(only)) as Iterable<{ id: number; vector: Buffer }>) add(raw);
    }
    return { generation: generationOf(kbId), rows, vectors };
  });

  const readDocumentRows = db.transaction((kbId: number) => {
    const documents = new Map<number, { key: string; metadata: Record<string, unknown>; rows: number[] }>();
    for (const raw of statements.documentsMetadata.iterate(kbId) as Iterable<{ id: number; key: string; metadata: string }>) {
      documents.set(raw.id, { key: raw.key, metadata: JSON.parse(raw.metadata) as Record<string, unknown>, rows: [] });
    }
    for (const raw of statements.chunkDocuments.iterate(kbId) as Iterable<{ id: number; document_id: number }>) {
      documents.get(raw.document_id)?.rows.push(raw.id);
    }
    const list: DocumentRows[] = [...documents.values()];
    return { generation: generationOf(kbId), documents: list };
  });

  return {
    listKnowledgeBases,
    requireKnowledgeBase,
    textsToEmbed(kb, model) {
      return textsToEmbed(requireKnowledgeBase(kb), model);
    },
    putEmbeddings(model, embeddings) {
      putEmbeddings(model, embeddings);
    },
    embeddingCoverage(kb, model) {
      const kbId = requireKnowledgeBase(kb);
      fillMissingHashes(kbId);
      return statements.coverage.get(model, kbId) as { chunks: number; embedded: number };
    },
    chunkVectors(kb, model, only) {
      return readChunkVectors(requireKnowledgeBase(kb), model, only);
    },
    pruneEmbeddings() {
      return statements.pruneEmbeddings.run().changes;
    },
    generation(kb) {
      return generationOf(requireKnowledgeBase(kb));
    },
    documentRows(kb) {
      return readDocumentRows(requireKnowledgeBase(kb));
    },
    ensureKnowledgeBase(kb) {
      statements.kbInsert.run(kb, new Date().toISOString());
      return requireKnowledgeBase(kb);
    },
    listSources(kb) {
      const kbId = requireKnowledgeBase(kb);
      return statements.sourcesOfKb.all(kbId) as SourceRecord[];
    },
    findDocumentOwner(kb, key) {
      const kbId = requireKnowledgeBase(kb);
      return statements.documentOwner.get(kbId, key) as { root: string; path: string } | undefined;
    },
    applyBatch(kb, batch) {
      const kbId = requireKnowledgeBase(kb);
      try {
        applyBatch(kbId, batch);
      } catch (error) {
        if ((error as { code?: unknown }).code === 'SQLITE_BUSY') {
          throw new GroundedError('STORE_BUSY', 'the store is locked by another grounded process', {
            hint: 'wait for the other ingest to finish, then run this one again',
            cause: error,
          });
        }
        throw error;
      }
    },
    counts(kb) {
      const kbId = requireKnowledgeBase(kb);
      const documents = (statements.countDocuments.get(kbId) as { n: number }).n;
      const chunks = (statements.countChunks.get(kbId) as { n: number }).n;
      return { documents, chunks };
    },
    indexRows(kb) {
      return readIndexRows(requireKnowledgeBase(kb));
    },
    getIndexSnapshot(kb, key) {
      const kbId = requireKnowledgeBase(kb);
      const row = statements.snapshot.get(kbId, key, generationOf(kbId)) as { data: Buffer } | undefined;
      return row?.data;
    },
    putIndexSnapshot(kb, key, generation, bytes) {
      putIndexSnapshot(requireKnowledgeBase(kb), key, generation, bytes);
    },
    chunksByRow(kb, rows) {
      const kbId = requireKnowledgeBase(kb);
      const chunks = new Map<number, Chunk>();
      for (const row of rows) {
        const raw = statements.chunkByRow.get(row, kbId) as ChunkRow | undefined;
        if (raw !== undefined) chunks.set(row, toChunk(raw));
      }
      return chunks;
    },
    saveEvalRun(kb, run) {
      statements.insertRun.run(run.id, requireKnowledgeBase(kb), run.createdAt, run.golden, JSON.stringify(run.summary), run.report);
    },
    listEvalRuns(kb) {
      const rows = statements.listRuns.all(requireKnowledgeBase(kb)) as { id: string; created_at: string; golden: string; summary: string }[];
      return rows.map((row) => ({
        id: row.id,
        createdAt: row.created_at,
        golden: row.golden,
        summary: JSON.parse(row.summary) as Record<string, unknown>,
      }));
    },
    getEvalRun(kb, idOrPrefix) {
      const rows = statements.runsByPrefix.all(requireKnowledgeBase(kb), `${idOrPrefix.replace(/[%_\\]/g, '\\$&')}%`) as {
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
      return statements.allDocuments.all(requireKnowledgeBase(kb)) as { key: string; text: string }[];
    },
    getDocument(kb, key) {
      const kbId = requireKnowledgeBase(kb);
      const raw = statements.documentByKey.get(kbId, key) as
        | { key: string; title: string; text: string; metadata: string }
        | undefined;
      if (raw === undefined) return undefined;
      const document: StoredDocument = { ...raw, metadata: JSON.parse(raw.metadata) as Record<string, unknown> };
      return document;
    },
    getTunedModel(kb, name) {
      const raw = statements.tunedModel.get(requireKnowledgeBase(kb), name) as { payload: string; created_at: string } | undefined;
      return raw === undefined ? undefined : { payload: raw.payload, createdAt: raw.created_at };
    },
    putTunedModel(kb, name, payload, createdAt) {
      // One upsert statement: SQLite runs it as its own transaction, so a reader sees the old model or the new one.
      statements.upsertTunedModel.run(requireKnowledgeBase(kb), name, payload, createdAt);
    },
    deleteTunedModel(kb, name) {
      return statements.deleteTunedModel.run(requireKnowledgeBase(kb), name).changes > 0;
    },
    close() {
      db.close();
    },
  };
}

/** The embedding cache key of a text. */
function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
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

function openDatabase(file: string): Database.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  let db: Database.Database | undefined;
  try {
    db = new Database(file);
    // The version is checked before anything is written: a file of another version is refused untouched.
    let version = storedSchemaVersion(db);
    version = migrate(db, version);
    if (version !== undefined && version !== schemaVersion) {
      throw new GroundedError('STORE_CORRUPT', `store ${file} has schema version ${version}, expected ${schemaVersion}`, {
        hint: 'use a new --data-dir (or move the old one away) and ingest again',
      });
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.exec(schemaSql);
    if (version === undefined) {
      db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('schemaVersion', String(schemaVersion));
    }
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof GroundedError) throw error;
    throw new GroundedError('STORE_CORRUPT', `cannot open the store at ${file}: ${(error as Error).message}`, {
      details: { file },
      hint: 'check the --data-dir path; if the file is damaged, move it away and ingest again',
      cause: error,
    });
  }
}

/** Brings an older store up to the current version step by step, each step in one transaction; returns the new version. */
function migrate(db: Database.Database, from: number | undefined): number | undefined {
  let version = from;
  while (version !== undefined && version < schemaVersion) {
    const sql = migrationsSql[version];
    if (sql === undefined) break;
    const next = version + 1;
    db.transaction(() => {
      db.exec(sql);
      db.prepare('UPDATE meta SET value = ? WHERE key = ?').run(String(next), 'schemaVersion');
    })();
    version = next;
  }
  return version;
}

function storedSchemaVersion(db: Database.Database): number | undefined {
  const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get();
  if (hasMeta === undefined) return undefined;
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get('schemaVersion') as { value: string } | undefined;
  return row === undefined ? undefined : Number(row.value);
}

function prepareStatements(db: Database.Database) {
  return {
    kbByName: db.prepare('SELECT id FROM knowledge_bases WHERE name = ?'),
    kbList: db.prepare('SELECT name FROM knowledge_bases ORDER BY name'),
    generation: db.prepare('SELECT generation FROM knowledge_bases WHERE id = ?'),
    bumpGeneration: db.prepare('UPDATE knowledge_bases SET generation = generation + 1 WHERE id = ?'),
    snapshot: db.prepare('SELECT data FROM index_snapshots WHERE kb_id = ? AND key = ? AND generation = ?'),
    deleteSnapshots: db.prepare('DELETE FROM index_snapshots WHERE kb_id = ?'),
    insertSnapshot: db.prepare('INSERT INTO index_snapshots (kb_id, key, generation, data) VALUES (?, ?, ?, ?)'),
    kbInsert: db.prepare('INSERT OR IGNORE INTO knowledge_bases (name, created_at) VALUES (?, ?)'),
    sourcesOfKb: db.prepare('SELECT root, path, hash, size, fingerprint FROM sources WHERE kb_id = ? ORDER BY root, path'),
    deleteSource: db.prepare('DELETE FROM sources WHERE kb_id = ? AND root = ? AND path = ?'),
    insertSource: db.prepare('INSERT INTO sources (kb_id, root, path, hash, size, fingerprint) VALUES (?, ?, ?, ?, ?, ?)'),
    insertDocument: db.prepare(
      'INSERT INTO documents (kb_id, source_id, key, title, text, metadata) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    insertChunk: db.prepare(
      `INSERT INTO chunks (embed_hash, kb_id, document_id, ordinal, start, "end", text, heading_path, tokens, body_terms, title_terms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    documentOwner: db.prepare(
      `SELECT s.root AS root, s.path AS path FROM documents d JOIN sources s ON s.id = d.source_id
       WHERE d.kb_id = ? AND d.key = ?`,
    ),
    insertRun: db.prepare('INSERT INTO eval_runs (id, kb_id, created_at, golden, summary, report) VALUES (?, ?, ?, ?, ?, ?)'),
    listRuns: db.prepare('SELECT id, created_at, golden, summary FROM eval_runs WHERE kb_id = ? ORDER BY created_at DESC, id DESC'),
    runsByPrefix: db.prepare(
      "SELECT id, created_at, golden, summary, report FROM eval_runs WHERE kb_id = ? AND id LIKE ? ESCAPE '\\' LIMIT 2",
    ),
    allDocuments: db.prepare('SELECT key, text FROM documents WHERE kb_id = ? ORDER BY key'),
    documentByKey: db.prepare('SELECT key, title, text, metadata FROM documents WHERE kb_id = ? AND key = ?'),
    countDocuments: db.prepare('SELECT COUNT(*) AS n FROM documents WHERE kb_id = ?'),
    countChunks: db.prepare('SELECT COUNT(*) AS n FROM chunks WHERE kb_id = ?'),
    indexRows: db.prepare('SELECT id, body_terms AS b, title_terms AS t FROM chunks WHERE kb_id = ? ORDER BY id'),
    chunksWithoutHash: db.prepare(
      `SELECT c.id, d.title, c.heading_path, c.text FROM chunks c JOIN documents d ON d.id = c.document_id
       WHERE c.kb_id = ? AND c.embed_hash IS NULL`,
    ),
    setHash: db.prepare('UPDATE chunks SET embed_hash = ? WHERE id = ?'),
    // One row per distinct text: the lowest chunk id carrying it gives the text.
    unembedded: db.prepare(
      `SELECT c.embed_hash AS hash, d.title, c.heading_path, c.text FROM chunks c JOIN documents d ON d.id = c.document_id
       WHERE c.id IN (
         SELECT MIN(c2.id) FROM chunks c2 WHERE c2.kb_id = @kb
           AND NOT EXISTS (SELECT 1 FROM embeddings e WHERE e.model = @model AND e.hash = c2.embed_hash)
         GROUP BY c2.embed_hash)
       ORDER BY c.id`,
    ),
    insertEmbedding: db.prepare('INSERT OR REPLACE INTO embeddings (model, hash, vector) VALUES (?, ?, ?)'),
    coverage: db.prepare(
      `SELECT COUNT(*) AS chunks, COUNT(e.hash) AS embedded FROM chunks c
       LEFT JOIN embeddings e ON e.model = ? AND e.hash = c.embed_hash WHERE c.kb_id = ?`,
    ),
    chunkVectors: db.prepare(
      'SELECT c.id, e.vector FROM chunks c JOIN embeddings e ON e.model = ? AND e.hash = c.embed_hash WHERE c.kb_id = ? ORDER BY c.id',
    ),
    chunkVectorsOf: db.prepare(
      `SELECT c.id, e.vector FROM chunks c JOIN embeddings e ON e.model = ? AND e.hash = c.embed_hash
       WHERE c.kb_id = ? AND c.id IN (SELECT value FROM json_each(?)) ORDER BY c.id`,
    ),
    pruneEmbeddings: db.prepare('DELETE FROM embeddings WHERE hash NOT IN (SELECT embed_hash FROM chunks WHERE embed_hash IS NOT NULL)'),
    documentsMetadata: db.prepare('SELECT id, key, metadata FROM documents WHERE kb_id = ?'),
    chunkDocuments: db.prepare('SELECT id, document_id FROM chunks WHERE kb_id = ? ORDER BY id'),
    tunedModel: db.prepare('SELECT payload, created_at FROM tuned_models WHERE kb_id = ? AND name = ?'),
    upsertTunedModel: db.prepare(
      `INSERT INTO tuned_models (kb_id, name, payload, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (kb_id, name) DO UPDATE SET payload = excluded.payload, created_at = excluded.created_at`,
    ),
    deleteTunedModel: db.prepare('DELETE FROM tuned_models WHERE kb_id = ? AND name = ?'),
    chunkByRow: db.prepare(
      `SELECT c.id, d.key, d.title, c.ordinal, c.start, c."end" AS "end", c.text, c.heading_path, c.tokens
       FROM chunks c JOIN documents d ON d.id = c.document_id WHERE c.id = ? AND c.kb_id = ?`,
    ),
  };
}
