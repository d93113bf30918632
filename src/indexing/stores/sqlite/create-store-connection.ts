import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { LoadedDocument } from '../../../core/document.js';
import { GroundedError } from '../../../core/errors.js';
import type { DocumentRows, IndexRow } from '../../../core/store/chunk-reader.js';
import type { CachedEmbedding, TextToEmbed } from '../../../core/store/embedding-cache.js';
import type { SyncBatch } from '../../../core/store/source-writer.js';
import { embeddingText } from '../../../core/text/embedding-text.js';
import { decodeFieldTerms, encodeFieldTerms } from '../../lexical/field-terms-codec.js';
import { prepareStoreStatements, type StoreStatements } from './prepare-store-statements.js';

/** One open database with its statements and transactions: what the store runs its methods on. */
export interface StoreConnection {
  readonly db: Database.Database;
  readonly statements: StoreStatements;
  generationOf(kbId: number): number;
  readIndexRows(kbId: number): { generation: number; rows: IndexRow[] };
  putIndexSnapshot(kbId: number, key: string, generation: number, bytes: Uint8Array): void;
  applyBatch(kbId: number, batch: SyncBatch): void;
  textsToEmbed(kbId: number, model: string): TextToEmbed[];
  putEmbeddings(model: string, embeddings: readonly CachedEmbedding[]): void;
  readChunkVectors(kbId: number, model: string, only: readonly number[] | undefined): { generation: number; rows: number[]; vectors: Float32Array[] };
  readDocumentRows(kbId: number): { generation: number; documents: DocumentRows[] };
  /** Runs `action` with another busy timeout (how long a write waits for another writer), then restores it. */
  withBusyTimeout<T>(ms: number, action: () => T): T;
}

/**
 * Binds the store's statements and transactions to `db`. Reads that must agree with the generation run in one
 * deferred transaction (a consistent snapshot); every write runs in `BEGIN IMMEDIATE`, so it takes the write lock
 * before reading anything and waits out the busy timeout instead of failing when another writer committed first.
 *
 * @example
 * const connection = createStoreConnection(openStoreForWriting(file));
 * connection.applyBatch(kbId, batch);
 */
export function createStoreConnection(db: Database.Database): StoreConnection {
  const statements = prepareStoreStatements(db);
  const generationOf = (kbId: number): number => (statements.generation.get(kbId) as { generation: number }).generation;

  const readIndexRows = db.transaction((kbId: number) => {
    const rows: IndexRow[] = [];
    for (const raw of statements.indexRows.iterate(kbId) as Iterable<{ id: number; b: string; t: string }>) {
      rows.push({ row: raw.id, body: decodeFieldTerms(raw.b), title: decodeFieldTerms(raw.t) });
    }
    return { generation: generationOf(kbId), rows };
  }).deferred;

  const putIndexSnapshot = db.transaction((kbId: number, key: string, generation: number, bytes: Uint8Array) => {
    if (generationOf(kbId) !== generation) return;
    statements.deleteSnapshots.run(kbId);
    statements.insertSnapshot.run(kbId, key, generation, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }).immediate;

  const insertDocument = (kbId: number, sourceId: number, document: LoadedDocument): number => {
    try {
      return Number(
        statements.insertDocument.run(kbId, sourceId, document.key, document.title, document.text, JSON.stringify(document.metadata))
          .lastInsertRowid,
      );
    } catch (error) {
      // The writer claimed its keys before it took the write lock; another process committed this one in between.
      if ((error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new GroundedError('KEY_TAKEN', `document id '${document.key}' was taken by another source while this batch was prepared`, {
          details: { key: document.key },
          hint: 'run the ingest again',
          cause: error,
        });
      }
      throw error;
    }
  };

  const applyBatch = db.transaction((kbId: number, batch: SyncBatch) => {
    if (batch.upserts.length > 0 || batch.removals.length > 0) statements.bumpGeneration.run(kbId);
    for (const removal of batch.removals) statements.deleteSource.run(kbId, removal.root, removal.path);
    for (const upsert of batch.upserts) {
      const { source } = upsert;
      statements.deleteSource.run(kbId, source.root, source.path);
      const sourceId = Number(
        statements.insertSource.run(kbId, source.root, source.path, source.hash, source.size, source.fingerprint).lastInsertRowid,
      );
      for (const { document, chunks } of upsert.documents) {
        const documentId = insertDocument(kbId, sourceId, document);
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
  }).immediate;

  /** Chunks stored by a version 2 store have no hash yet: computed once, by the first embedding pass. */
  const fillMissingHashes = (kbId: number): void => {
    for (const raw of statements.chunksWithoutHash.all(kbId) as { id: number; title: string; heading_path: string; text: string }[]) {
      const chunk = { title: raw.title, headingPath: JSON.parse(raw.heading_path) as string[], text: raw.text };
      statements.setHash.run(hashText(embeddingText(chunk)), raw.id);
    }
  };

  const textsToEmbed = db.transaction((kbId: number, model: string) => {
    fillMissingHashes(kbId);
    const texts: TextToEmbed[] = [];
    for (const raw of statements.unembedded.iterate({ model, kb: kbId }) as Iterable<{ hash: string; title: string; heading_path: string; text: string }>) {
      texts.push({ hash: raw.hash, text: embeddingText({ title: raw.title, headingPath: JSON.parse(raw.heading_path) as string[], text: raw.text }) });
    }
    return texts;
  }).immediate;

  const putEmbeddings = db.transaction((model: string, embeddings: readonly CachedEmbedding[]) => {
    for (const { hash, vector } of embeddings) {
      statements.insertEmbedding.run(model, hash, Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength));
    }
  }).immediate;

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
  }).deferred;

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
  }).deferred;

  return {
    db,
    statements,
    generationOf,
    readIndexRows,
    putIndexSnapshot,
    applyBatch,
    textsToEmbed,
    putEmbeddings,
    readChunkVectors,
    readDocumentRows,
    withBusyTimeout(ms, action) {
      const previous = db.pragma('busy_timeout', { simple: true }) as number;
      db.pragma(`busy_timeout = ${Math.max(0, Math.floor(ms))}`);
      try {
        return action();
      } finally {
        db.pragma(`busy_timeout = ${previous}`);
      }
    },
  };
}

/** The embedding cache key of a text. */
function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
