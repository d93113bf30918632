import type Database from 'better-sqlite3';

/** The SQL of every statement the store runs. */
const storeSql = {
  kbByName: 'SELECT id FROM knowledge_bases WHERE name = ?',
  kbList: 'SELECT name FROM knowledge_bases ORDER BY name',
  generation: 'SELECT generation FROM knowledge_bases WHERE id = ?',
  bumpGeneration: 'UPDATE knowledge_bases SET generation = generation + 1 WHERE id = ?',
  snapshot: 'SELECT data FROM index_snapshots WHERE kb_id = ? AND key = ? AND generation = ?',
  deleteSnapshots: 'DELETE FROM index_snapshots WHERE kb_id = ?',
  insertSnapshot: 'INSERT INTO index_snapshots (kb_id, key, generation, data) VALUES (?, ?, ?, ?)',
  kbInsert: 'INSERT OR IGNORE INTO knowledge_bases (name, created_at) VALUES (?, ?)',
  sourcesOfKb: 'SELECT root, path, hash, size, fingerprint FROM sources WHERE kb_id = ? ORDER BY root, path',
  deleteSource: 'DELETE FROM sources WHERE kb_id = ? AND root = ? AND path = ?',
  insertSource: 'INSERT INTO sources (kb_id, root, path, hash, size, fingerprint) VALUES (?, ?, ?, ?, ?, ?)',
  insertDocument: 'INSERT INTO documents (kb_id, source_id, key, title, text, metadata) VALUES (?, ?, ?, ?, ?, ?)',
  insertChunk: `INSERT INTO chunks (embed_hash, kb_id, document_id, ordinal, start, "end", text, heading_path, tokens, body_terms, title_terms)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  documentOwners: `SELECT d.key AS key, s.root AS root, s.path AS path FROM documents d JOIN sources s ON s.id = d.source_id
     WHERE d.kb_id = ? AND d.key IN (SELECT value FROM json_each(?))`,
  insertRun: 'INSERT INTO eval_runs (id, kb_id, created_at, golden, summary, report) VALUES (?, ?, ?, ?, ?, ?)',
  listRuns: 'SELECT id, created_at, golden, summary FROM eval_runs WHERE kb_id = ? ORDER BY created_at DESC, id DESC',
  runsByPrefix: "SELECT id, created_at, golden, summary, report FROM eval_runs WHERE kb_id = ? AND id LIKE ? ESCAPE '\\' LIMIT 2",
  allDocuments: 'SELECT key, text FROM documents WHERE kb_id = ? ORDER BY key',
  documentsByKeys: 'SELECT key, title, text, metadata FROM documents WHERE kb_id = ? AND key IN (SELECT value FROM json_each(?))',
  countDocuments: 'SELECT COUNT(*) AS n FROM documents WHERE kb_id = ?',
  countChunks: 'SELECT COUNT(*) AS n FROM chunks WHERE kb_id = ?',
  indexRows: 'SELECT id, body_terms AS b, title_terms AS t FROM chunks WHERE kb_id = ? ORDER BY id',
  chunksWithoutHash: `SELECT c.id, d.title, c.heading_path, c.text FROM chunks c JOIN documents d ON d.id = c.document_id
     WHERE c.kb_id = ? AND c.embed_hash IS NULL`,
  setHash: 'UPDATE chunks SET embed_hash = ? WHERE id = ?',
  // One row per distinct text: the lowest chunk id carrying it gives the text.
  unembedded: `SELECT c.embed_hash AS hash, d.title, c.heading_path, c.text FROM chunks c JOIN documents d ON d.id = c.document_id
     WHERE c.id IN (
       SELECT MIN(c2.id) FROM chunks c2 WHERE c2.kb_id = @kb
         AND NOT EXISTS (SELECT 1 FROM embeddings e WHERE e.model = @model AND e.hash = c2.embed_hash)
       GROUP BY c2.embed_hash)
     ORDER BY c.id`,
  insertEmbedding: 'INSERT OR REPLACE INTO embeddings (model, hash, vector) VALUES (?, ?, ?)',
  coverage: `SELECT COUNT(*) AS chunks, COUNT(e.hash) AS embedded FROM chunks c
     LEFT JOIN embeddings e ON e.model = ? AND e.hash = c.embed_hash WHERE c.kb_id = ?`,
  chunkVectors: 'SELECT c.id, e.vector FROM chunks c JOIN embeddings e ON e.model = ? AND e.hash = c.embed_hash WHERE c.kb_id = ? ORDER BY c.id',
  chunkVectorsOf: `SELECT c.id, e.vector FROM chunks c JOIN embeddings e ON e.model = ? AND e.hash = c.embed_hash
     WHERE c.kb_id = ? AND c.id IN (SELECT value FROM json_each(?)) ORDER BY c.id`,
  pruneEmbeddings: 'DELETE FROM embeddings WHERE hash NOT IN (SELECT embed_hash FROM chunks WHERE embed_hash IS NOT NULL)',
  documentsMetadata: 'SELECT id, key, metadata FROM documents WHERE kb_id = ?',
  chunkDocuments: 'SELECT id, document_id FROM chunks WHERE kb_id = ? ORDER BY id',
  tunedModel: 'SELECT payload, created_at FROM tuned_models WHERE kb_id = ? AND name = ?',
  upsertTunedModel: `INSERT INTO tuned_models (kb_id, name, payload, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (kb_id, name) DO UPDATE SET payload = excluded.payload, created_at = excluded.created_at`,
  deleteTunedModel: 'DELETE FROM tuned_models WHERE kb_id = ? AND name = ?',
  // One query for any number of rows: the row list travels as a JSON array.
  chunksByRows: `SELECT c.id, d.key, d.title, c.ordinal, c.start, c."end" AS "end", c.text, c.heading_path, c.tokens
     FROM chunks c JOIN documents d ON d.id = c.document_id WHERE c.kb_id = ? AND c.id IN (SELECT value FROM json_each(?))`,
} as const;

/** Every statement the store runs, prepared once per connection. */
export type StoreStatements = { readonly [Name in keyof typeof storeSql]: Database.Statement };

/**
 * Prepares the store's statements on `db` (a read-only connection prepares the writes too; running one fails).
 *
 * @example
 * const statements = prepareStoreStatements(db);
 * statements.kbList.all();
 */
export function prepareStoreStatements(db: Database.Database): StoreStatements {
  return Object.fromEntries(Object.entries(storeSql).map(([name, sql]) => [name, db.prepare(sql)])) as unknown as StoreStatements;
}
