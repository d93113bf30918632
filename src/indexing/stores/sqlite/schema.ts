/**
 * Schema of the embedded store. Version 2 added per-source fingerprints, knowledge-base generations, saved
 * index snapshots and the evaluation run history; no released store has version 1. Version 3 added the embedding
 * cache and each chunk's embedding-text hash. Version 4 added the per-knowledge-base tuned models (small JSON
 * models such as the answerability calibration, table `tuned_models`). An older store (version 2 or 3) is migrated
 * in place, one version at a time ({@link migrationsSql}). One SQLite file per data directory; every table is keyed
 * by knowledge base so several knowledge bases live side by side without ever seeing each other's rows (the
 * embedding cache, keyed by text hash and model, holds no text and is shared).
 */
export const schemaVersion = 4;

/**
 * The SQLite `application_id` (header offset 68) of every store grounded creates: `GRND` in ASCII. With `user_version`
 * (the schema version again) it tells a grounded store from any other SQLite file without reading a table. Stores
 * created before the marker existed have the `meta` table's schemaVersion only; they get the marker the next time they
 * are opened for writing.
 */
export const applicationId = 0x47524e44;

const embeddingsSql = `
CREATE TABLE IF NOT EXISTS embeddings (
  id INTEGER PRIMARY KEY,
  model TEXT NOT NULL,
  hash TEXT NOT NULL,
  vector BLOB NOT NULL
);
-- A separate index rather than a WITHOUT ROWID key: "has this text a vector?" then reads small index pages, not
-- the 1.5 KB rows (5 s -> well under 1 s to count 100k chunks' vectors).
CREATE UNIQUE INDEX IF NOT EXISTS embeddings_key ON embeddings(model, hash);
CREATE INDEX IF NOT EXISTS chunks_embed_hash ON chunks(embed_hash);
`;

const tunedModelsSql = `
CREATE TABLE IF NOT EXISTS tuned_models (
  kb_id INTEGER NOT NULL REFERENCES knowledge_bases(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  payload TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (kb_id, name)
);
`;

/** Statements that bring a store of an older version (the key) up to the next one, run in one transaction. */
export const migrationsSql: Readonly<Record<number, string>> = {
  // Old chunks get their hash computed on first use (a NULL hash means "not computed yet").
  2: `ALTER TABLE chunks ADD COLUMN embed_hash TEXT;\n${embeddingsSql}`,
  3: tunedModelsSql,
};

/** DDL applied when a store is opened (idempotent). */
export const schemaSql = `
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS knowledge_bases (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  generation INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sources (
  id INTEGER PRIMARY KEY,
  kb_id INTEGER NOT NULL REFERENCES knowledge_bases(id) ON DELETE CASCADE,
  root TEXT NOT NULL,
  path TEXT NOT NULL,
  hash TEXT NOT NULL,
  size INTEGER NOT NULL,
  fingerprint TEXT NOT NULL,
  UNIQUE (kb_id, root, path)
);
CREATE TABLE IF NOT EXISTS documents (
  id INTEGER PRIMARY KEY,
  kb_id INTEGER NOT NULL REFERENCES knowledge_bases(id) ON DELETE CASCADE,
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  title TEXT NOT NULL,
  text TEXT NOT NULL,
  metadata TEXT NOT NULL,
  UNIQUE (kb_id, key)
);
CREATE INDEX IF NOT EXISTS documents_source ON documents(source_id);
CREATE TABLE IF NOT EXISTS chunks (
  id INTEGER PRIMARY KEY,
  kb_id INTEGER NOT NULL REFERENCES knowledge_bases(id) ON DELETE CASCADE,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  heading_path TEXT NOT NULL,
  tokens INTEGER NOT NULL,
  body_terms TEXT NOT NULL,
  title_terms TEXT NOT NULL,
  embed_hash TEXT
);
CREATE INDEX IF NOT EXISTS chunks_kb ON chunks(kb_id);
CREATE TABLE IF NOT EXISTS eval_runs (
  id TEXT PRIMARY KEY,
  kb_id INTEGER NOT NULL REFERENCES knowledge_bases(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  golden TEXT NOT NULL,
  summary TEXT NOT NULL,
  report TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS eval_runs_kb ON eval_runs(kb_id, created_at);
CREATE TABLE IF NOT EXISTS index_snapshots (
  kb_id INTEGER NOT NULL REFERENCES knowledge_bases(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  generation INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (kb_id, key)
);
CREATE INDEX IF NOT EXISTS chunks_document ON chunks(document_id);
${embeddingsSql}${tunedModelsSql}`;
