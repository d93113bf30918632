import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { isGroundedError, type ErrorCode } from '../../../core/errors.js';
import { translateSqliteError } from './translate-sqlite-error.js';

/** The error `action` throws: a real one from SQLite, not a made-up object. */
function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  assert.fail('expected SQLite to fail');
}

describe('translateSqliteError', () => {
  let dir = '';
  let file = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'grounded-translate-'));
    file = join(dir, 'grounded.db');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (x)');
    db.close();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const expectCode = (error: unknown, code: ErrorCode, hint: RegExp): void => {
    const translated = translateSqliteError(error, file);
    assert.ok(isGroundedError(translated, code), `${String((error as { code?: unknown }).code)} -> ${String(translated)}`);
    assert.match(translated.hint ?? '', hint);
    assert.equal(translated.cause, error);
  };

  it('maps a write lock held elsewhere to STORE_BUSY, whatever the statement', () => {
    const holder = new Database(file);
    holder.exec('BEGIN IMMEDIATE');
    const other = new Database(file, { timeout: 0 });
    try {
      expectCode(thrown(() => other.exec('BEGIN IMMEDIATE')), 'STORE_BUSY', /run this command again/);
      expectCode(thrown(() => other.prepare('INSERT INTO t VALUES (1)').run()), 'STORE_BUSY', /run this command again/);
    } finally {
      other.close();
      holder.exec('ROLLBACK');
      holder.close();
    }
  });

  it('maps SQLITE_FULL to DISK_FULL', () => {
    const db = new Database(file);
    try {
      db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
      const error = thrown(() => db.prepare('INSERT INTO t VALUES (?)').run(Buffer.alloc(64 * 1024)));
      assert.equal((error as { code?: unknown }).code, 'SQLITE_FULL');
      expectCode(error, 'DISK_FULL', /free disk space/);
    } finally {
      db.close();
    }
  });

  it('maps a write on a read-only connection to STORE_READ_ONLY, and never hints at moving the store away', () => {
    const db = new Database(file, { readonly: true });
    try {
      const error = thrown(() => db.prepare('INSERT INTO t VALUES (1)').run());
      expectCode(error, 'STORE_READ_ONLY', /^(?!.*move).*copy the data directory/);
    } finally {
      db.close();
    }
  });

  it('maps a file that is not a database to STORE_CORRUPT, the one case that suggests moving it away', () => {
    const garbage = join(dir, 'garbage.db');
    writeFileSync(garbage, 'not a database at all, but long enough to have a header. '.repeat(40));
    const db = new Database(garbage);
    try {
      const error = thrown(() => db.pragma('application_id'));
      assert.equal((error as { code?: unknown }).code, 'SQLITE_NOTADB');
      expectCode(error, 'STORE_CORRUPT', /move .* away and ingest again/);
    } finally {
      db.close();
    }
  });

  it('maps ENOSPC and EROFS from the file system, and leaves other errors as they are', () => {
    const noSpace = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    expectCode(noSpace, 'DISK_FULL', /free disk space/);
    const readOnly = Object.assign(new Error('EROFS: read-only file system, open'), { code: 'EROFS' });
    expectCode(readOnly, 'STORE_READ_ONLY', /writable/);
    const other = new TypeError('a bug');
    assert.equal(translateSqliteError(other, file), other);
    const syntax = thrown(() => new Database(':memory:').exec('SELEC 1'));
    assert.equal(translateSqliteError(syntax, file), syntax, 'a SQL error is the system\'s own failure');
  });
});
