import assert from 'node:assert/strict';
import { chmodSync, cpSync, existsSync, mkdirSync, openSync, readFileSync, statSync, symlinkSync, writeFileSync, closeSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { parseJson, runGrounded, temporaryFolder } from '../support/run-grounded.js';
import { spawnGrounded } from '../support/spawn-grounded.js';

// What the store does with files and folders it did not expect: another application's database, a store from before
// the marker, a lock held by another process, a data directory that cannot be one, a store damaged in the middle.
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const groundedApplicationId = 0x47524e44;
const isRoot = process.getuid?.() === 0;

interface SearchJson {
  results: { doc: string }[];
}

/** Every byte and the modification time of a file, and which of its SQLite side files exist. */
function fingerprint(file: string): { bytes: string; mtimeMs: number; sideFiles: string[] } {
  return {
    bytes: readFileSync(file).toString('hex'),
    mtimeMs: statSync(file).mtimeMs,
    sideFiles: ['-wal', '-shm', '-journal'].filter((suffix) => existsSync(`${file}${suffix}`)),
  };
}

function header(file: string): { applicationId: number; userVersion: number } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return { applicationId: db.pragma('application_id', { simple: true }) as number, userVersion: db.pragma('user_version', { simple: true }) as number };
  } finally {
    db.close();
  }
}

describe('the store and the files it finds', () => {
  const folder = temporaryFolder('store-faults');
  const docs = join(folder.path, 'docs');
  const run = (args: string[], dataDir: string) => runGrounded(args, { cwd: folder.path, dataDir });
  const spawnRun = (args: string[], dataDir: string) => spawnGrounded([...args, '--data-dir', dataDir], { cwd: folder.path });
  let counter = 0;
  /** A fresh data directory with the sample docs ingested. */
  async function ingested(): Promise<{ dataDir: string; file: string }> {
    counter += 1;
    const dataDir = join(folder.path, `data-${counter}`);
    const ingest = await run(['ingest', 'docs'], dataDir);
    assert.equal(ingest.code, 0, ingest.stderr);
    return { dataDir, file: join(dataDir, 'grounded.db') };
  }

  before(() => {
    cpSync(join(repo, 'examples', 'sample-docs'), docs, { recursive: true });
  });
  after(() => folder.remove());

  it('refuses a SQLite database it did not create, read or write, and leaves every byte of it as it was', async () => {
    const withTables = join(folder.path, 'foreign-tables');
    const withId = join(folder.path, 'foreign-id');
    for (const [dataDir, setup] of [
      [withTables, "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO users (name) VALUES ('ada');"],
      // No tables yet, but the header says it belongs to another application.
      [withId, 'PRAGMA application_id = 42;'],
    ] as const) {
      mkdirSync(dataDir);
      const file = join(dataDir, 'grounded.db');
      const db = new Database(file);
      db.exec(setup);
      db.close();
      const before = fingerprint(file);
      for (const args of [['search', 'restore a snapshot'], ['ask', 'How do I restore a snapshot?'], ['eval', 'list'], ['ingest', 'docs']]) {
        const result = await run(args, dataDir);
        assert.equal(result.code, 1, `${args.join(' ')}: ${result.stderr}`);
        assert.match(result.stderr, /is a SQLite database that grounded did not create .*left untouched; point --data-dir at a folder of its own/);
        assert.deepEqual(fingerprint(file), before, `${args.join(' ')} left ${file} as it was (bytes, mtime, no -wal)`);
      }
    }
    // An empty file is no one's database: ingest adopts it.
    const emptyDir = join(folder.path, 'empty-file');
    mkdirSync(emptyDir);
    writeFileSync(join(emptyDir, 'grounded.db'), '');
    assert.equal((await run(['ingest', 'docs'], emptyDir)).code, 0);
    assert.deepEqual(header(join(emptyDir, 'grounded.db')), { applicationId: groundedApplicationId, userVersion: 4 });
  });

  it('marks the stores it creates, reads a store from before the marker, and marks it on its next write', async () => {
    const { dataDir, file } = await ingested();
    assert.deepEqual(header(file), { applicationId: groundedApplicationId, userVersion: 4 });
    // What a store written before the marker looks like: grounded's meta table, a zero header.
    const raw = new Database(file);
    raw.pragma('application_id = 0');
    raw.pragma('user_version = 0');
    raw.close();
    const search = await run(['search', 'restore a snapshot', '--json'], dataDir);
    assert.equal(search.code, 0, search.stderr);
    assert.ok(parseJson<SearchJson>(search).results.length > 0);
    assert.deepEqual(header(file), { applicationId: 0, userVersion: 0 }, 'a read writes nothing, not even the marker');
    const ingest = await run(['ingest', 'docs'], dataDir);
    assert.equal(ingest.code, 0, ingest.stderr);
    assert.deepEqual(header(file), { applicationId: groundedApplicationId, userVersion: 4 });
  });

  it('answers search and ask while another process holds the write lock, without saving the index it built', async () => {
    const { dataDir, file } = await ingested();
    const holder = new Database(file);
    // No saved BM25 snapshot: the read builds one and would save it.
    holder.exec('DELETE FROM index_snapshots');
    holder.exec('BEGIN IMMEDIATE');
    try {
      const started = performance.now();
      const [search, ask] = await Promise.all([
        spawnRun(['search', 'restore a snapshot', '--json'], dataDir),
        spawnRun(['ask', 'How do I restore a snapshot?', '--json'], dataDir),
      ]);
      assert.equal(search.code, 0, search.stderr);
      assert.ok(parseJson<SearchJson>({ code: 0, stdout: search.stdout, stderr: '' }).results.length > 0);
      assert.equal(ask.code, 0, ask.stderr);
      assert.ok(performance.now() - started < 20_000);
    } finally {
      holder.exec('ROLLBACK');
    }
    assert.equal((holder.prepare('SELECT COUNT(*) AS n FROM index_snapshots').get() as { n: number }).n, 0);
    holder.close();
    // With the lock free again, the next read saves it.
    assert.equal((await run(['search', 'restore a snapshot'], dataDir)).code, 0);
    const check = new Database(file, { readonly: true });
    assert.equal((check.prepare('SELECT COUNT(*) AS n FROM index_snapshots').get() as { n: number }).n, 1);
    check.close();
  });

  it('says the store is busy (exit 1, run again) when a write, or even a read, cannot get its lock', async () => {
    const writes = await ingested();
    const reads = await ingested();
    writeFileSync(join(docs, 'added-while-busy.md'), '# Busy\n\nA note added while another process writes.\n');
    const writer = new Database(writes.file);
    writer.exec('BEGIN IMMEDIATE');
    // An exclusive lock: SQLite lets no other connection read either.
    const exclusive = new Database(reads.file);
    exclusive.pragma('locking_mode = EXCLUSIVE');
    exclusive.exec("BEGIN IMMEDIATE; UPDATE meta SET value = value WHERE key = 'schemaVersion'; COMMIT");
    try {
      const [ingest, search] = await Promise.all([spawnRun(['ingest', 'docs'], writes.dataDir), spawnRun(['search', 'restore a snapshot'], reads.dataDir)]);
      for (const result of [ingest, search]) {
        assert.equal(result.code, 1, result.stderr);
        assert.match(result.stderr, /^error: the store at .* is busy: another grounded process is writing to it; .*run this command again\n$/);
      }
    } finally {
      writer.exec('ROLLBACK');
      writer.close();
      exclusive.close();
    }
    const again = await run(['ingest', 'docs', '--json'], writes.dataDir);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(parseJson<{ added: number }>(again).added, 1);
  });

  it('says what to do with a --data-dir that cannot be a folder, and never creates one for a read', async () => {
    const aFile = join(folder.path, 'a-file');
    writeFileSync(aFile, 'not a folder');
    const dangling = join(folder.path, 'dangling');
    symlinkSync(join(folder.path, 'nowhere'), dangling);
    const cases: [string, RegExp][] = [
      [aFile, /the data directory .*a-file is a file, not a folder; point --data-dir/],
      [join(aFile, 'data'), /the data directory .*a-file\/data cannot exist: .*a-file is a file; point --data-dir/],
      [dangling, /dangling is a symbolic link to .*nowhere, which does not exist; create the folder it points to/],
      [join(dangling, 'data'), /cannot exist: .*dangling is a symbolic link to .*nowhere, which does not exist; point --data-dir/],
    ];
    for (const [dataDir, message] of cases) {
      for (const args of [['ingest', 'docs'], ['search', 'restore']]) {
        const result = await run(args, dataDir);
        assert.equal(result.code, 1, `${args[0]} ${dataDir}: ${result.stderr}`);
        assert.match(result.stderr, message, `${args[0]} ${dataDir}`);
      }
    }
    assert.equal(existsSync(join(folder.path, 'nowhere')), false);
    const mistyped = join(folder.path, 'mistyped', 'data');
    for (const args of [['search', 'restore'], ['ask', 'How do I restore a snapshot?'], ['eval', 'list'], ['eval', 'show', 'latest']]) {
      const result = await run(args, mistyped);
      assert.equal(result.code, 1, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, /^error: no knowledge base at .*mistyped\/data; ingest first .*or check --data-dir\n$/);
    }
    assert.equal(existsSync(join(folder.path, 'mistyped')), false, 'a read creates no folder');
  });

  it('says permission denied (exit 1) for a --data-dir under a folder this user may not write', { skip: isRoot ? false : 'needs root to run the CLI as another user' }, async () => {
    const parent = join(folder.path, 'root-only');
    mkdirSync(parent);
    chmodSync(folder.path, 0o755);
    chmodSync(parent, 0o755);
    const result = await spawnGrounded(['ingest', join(folder.path, 'docs'), '--data-dir', join(parent, 'data')], { cwd: parent, uid: 65534, gid: 65534 });
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /cannot write the data directory .*root-only\/data: permission denied in .*root-only; run this as a user who can write/);
    assert.equal(existsSync(join(parent, 'data')), false);
  });

  it('refuses to ingest into a store damaged in the middle (exit 1), and a read that meets the damage says so', async () => {
    const { dataDir, file } = await ingested();
    const db = new Database(file);
    const pages = (db.prepare("SELECT pageno FROM dbstat WHERE name = 'chunks' AND pagetype = 'leaf'").all() as { pageno: number }[]).map((row) => row.pageno);
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    assert.ok(pages.length > 0 && pages.every((page) => page > 1));
    const descriptor = openSync(file, 'r+');
    for (const page of pages) writeSync(descriptor, Buffer.alloc(pageSize, 0xff), 0, pageSize, (page - 1) * pageSize);
    closeSync(descriptor);

    const ingest = await run(['ingest', 'docs'], dataDir);
    assert.equal(ingest.code, 1, `nothing changed on disk, but the store is damaged: ${ingest.stdout}`);
    assert.match(ingest.stderr, /^error: the store at .* is damaged: SQLite's integrity check failed .*; restore .* from a backup, or move .* away and ingest again/);
    const search = await spawnRun(['search', 'restore a snapshot'], dataDir);
    assert.equal(search.code, 1, search.stderr);
    assert.match(search.stderr, /^error: the store at .* is damaged: .*; restore .* from a backup/);
  });
});
