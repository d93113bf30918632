import type { Chunk } from '../../../core/document.js';
import type { StoredDocument } from '../../../core/store/document-reader.js';
import type { SourceLocation, SourceRecord } from '../../../core/store/source-writer.js';
import type { KnowledgeBaseStore } from '../../../core/store/store.js';
import type { SqliteConnections } from './open-sqlite-connections.js';
import { wrapSqliteCall } from './wrap-sqlite-call.js';

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

interface RunRow {
  id: string;
  created_at: string;
  golden: string;
  summary: string;
}

/**
 * The handle on knowledge base `kb` of a SQLite store. It keeps no id: every call looks the knowledge base up by name
 * (one indexed read), so a knowledge base another process creates later is seen by the next call.
 *
 * @example
 * const docs = openSqliteKnowledgeBase(connections, 'docs', file);
 * await docs.counts();
 */
export function openSqliteKnowledgeBase(connections: SqliteConnections, kb: string, file: string): KnowledgeBaseStore {
  const wrap = <Args extends unknown[], Result>(call: (...args: Args) => Result) => wrapSqliteCall(file, call);
  const read = () => connections.read(kb);
  const write = (purpose: 'data' | 'cache' = 'data') => connections.write(kb, purpose);
  return {
    name: kb,
    create: wrap(() => {
      connections.writer('data').statements.kbInsert.run(kb, new Date().toISOString());
    }),
    generation: wrap(() => {
      const { connection, kbId } = read();
      return connection.generationOf(kbId);
    }),
    counts: wrap(() => {
      const { connection, kbId } = read();
      const documents = (connection.statements.countDocuments.get(kbId) as { n: number }).n;
      const chunks = (connection.statements.countChunks.get(kbId) as { n: number }).n;
      return { documents, chunks };
    }),
    sources: {
      list: wrap(() => {
        const { connection, kbId } = read();
        return connection.statements.sourcesOfKb.all(kbId) as SourceRecord[];
      }),
      owners: wrap((keys: readonly string[]) => {
        const { connection, kbId } = read();
        const owners = new Map<string, SourceLocation>();
        const rows = connection.statements.documentOwners.all(kbId, JSON.stringify(keys)) as { key: string; root: string; path: string }[];
        for (const row of rows) owners.set(row.key, { root: row.root, path: row.path });
        return owners;
      }),
      apply: wrap((batch) => {
        const { connection, kbId } = write();
        connection.applyBatch(kbId, batch);
      }),
    },
    chunks: {
      indexRows: wrap(() => {
        const { connection, kbId } = read();
        return connection.readIndexRows(kbId);
      }),
      byRows: wrap((rows: readonly number[]) => {
        const { connection, kbId } = read();
        const chunks = new Map<number, Chunk>();
        for (const raw of connection.statements.chunksByRows.iterate(kbId, JSON.stringify(rows)) as Iterable<ChunkRow>) chunks.set(raw.id, toChunk(raw));
        return chunks;
      }),
      documentRows: wrap(() => {
        const { connection, kbId } = read();
        return connection.readDocumentRows(kbId);
      }),
    },
    documents: {
      byKeys: wrap((keys: readonly string[]) => {
        const { connection, kbId } = read();
        const documents = new Map<string, StoredDocument>();
        const rows = connection.statements.documentsByKeys.all(kbId, JSON.stringify(keys)) as { key: string; title: string; text: string; metadata: string }[];
        for (const raw of rows) documents.set(raw.key, { ...raw, metadata: JSON.parse(raw.metadata) as Record<string, unknown> });
        return documents;
      }),
      all: wrap(() => {
        const { connection, kbId } = read();
        return connection.statements.allDocuments.all(kbId) as { key: string; text: string }[];
      }),
    },
    lexical: {
      get: wrap((key: string) => {
        const { connection, kbId } = read();
        const row = connection.statements.snapshot.get(kbId, key, connection.generationOf(kbId)) as { data: Buffer } | undefined;
        return row?.data;
      }),
      put: wrap((key: string, generation: number, bytes: Uint8Array, options: { readonly maxWaitMs?: number } = {}) => {
        const { connection, kbId } = write('cache');
        const save = (): void => connection.putIndexSnapshot(kbId, key, generation, bytes);
        if (options.maxWaitMs === undefined) save();
        else connection.withBusyTimeout(options.maxWaitMs, save);
      }),
    },
    embeddings: {
      textsToEmbed: wrap((model: string) => {
        const { connection, kbId } = write();
        return connection.textsToEmbed(kbId, model);
      }),
      put: wrap((model, embeddings) => {
        read();
        connections.writer('data').putEmbeddings(model, embeddings);
      }),
      coverage: wrap((model: string) => {
        // Chunks of a version 2 store with no hash yet count as not embedded: they have no vector under any model.
        const { connection, kbId } = read();
        return connection.statements.coverage.get(model, kbId) as { chunks: number; embedded: number };
      }),
      vectors: wrap((model: string, only?: readonly number[]) => {
        const { connection, kbId } = read();
        return connection.readChunkVectors(kbId, model, only);
      }),
    },
    runs: {
      save: wrap((run) => {
        const { connection, kbId } = write();
        connection.statements.insertRun.run(run.id, kbId, run.createdAt, run.golden, JSON.stringify(run.summary), run.report);
      }),
      list: wrap(() => {
        const { connection, kbId } = read();
        return (connection.statements.listRuns.all(kbId) as RunRow[]).map(toRun);
      }),
      get: wrap((idOrPrefix: string) => {
        const { connection, kbId } = read();
        const rows = connection.statements.runsByPrefix.all(kbId, `${idOrPrefix.replace(/[%_\\]/g, '\\$&')}%`) as (RunRow & { report: string })[];
        const row = rows.find((candidate) => candidate.id === idOrPrefix) ?? (rows.length === 1 ? rows[0] : undefined);
        return row === undefined ? undefined : { ...toRun(row), report: row.report };
      }),
    },
    tunedModels: {
      get: wrap((name: string) => {
        const { connection, kbId } = read();
        const raw = connection.statements.tunedModel.get(kbId, name) as { payload: string; created_at: string } | undefined;
        return raw === undefined ? undefined : { payload: raw.payload, createdAt: raw.created_at };
      }),
      put: wrap((name: string, payload: string, createdAt: string) => {
        // One upsert statement: SQLite runs it as its own transaction, so a reader sees the old model or the new one.
        const { connection, kbId } = write();
        connection.statements.upsertTunedModel.run(kbId, name, payload, createdAt);
      }),
      delete: wrap((name: string) => {
        const { connection, kbId } = write();
        return connection.statements.deleteTunedModel.run(kbId, name).changes > 0;
      }),
    },
  };
}

function toRun(row: RunRow) {
  return { id: row.id, createdAt: row.created_at, golden: row.golden, summary: JSON.parse(row.summary) as Record<string, unknown> };
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
