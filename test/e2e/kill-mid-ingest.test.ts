import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { parseJson, runGrounded, temporaryFolder } from '../support/run-grounded.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const files = 2_000;

function paragraph(file: number, part: number): string {
  return `Section ${part} of note ${file} records measurement ${file * 31 + part} for station ${file % 97}. `.repeat(6);
}

function chunkCount(dbFile: string): number {
  try {
    const db = new Database(dbFile, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT COUNT(*) AS n FROM chunks').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

/** Document key -> its chunk spans in order, e.g. `0-120,96-250`. */
function spansByDocument(db: Database.Database): Map<string, string> {
  const rows = db
    .prepare(
      `SELECT d.key AS key, group_concat(c.start || '-' || c."end", ',') AS spans
       FROM documents d LEFT JOIN (SELECT * FROM chunks ORDER BY ordinal) c ON c.document_id = d.id GROUP BY d.id`,
    )
    .all() as { key: string; spans: string | null }[];
  return new Map(rows.map((row) => [row.key, row.spans ?? '']));
}

describe('an ingest killed mid-way', () => {
  const folder = temporaryFolder('kill');
  const docs = join(folder.path, 'docs');
  const dataDir = join(folder.path, 'data');
  const dbFile = join(dataDir, 'grounded.db');
  after(() => folder.remove());

  it('leaves the store consistent, and a re-run completes the sync', async () => {
    mkdirSync(docs);
    for (let file = 0; file < files; file += 1) {
      const body = [1, 2, 3, 4].map((part) => `## Part ${part}\n\n${paragraph(file, part)}`).join('\n\n');
      writeFileSync(join(docs, `note-${String(file).padStart(4, '0')}.md`), `# Note ${file}\n\n${body}\n`);
    }
    writeFileSync(join(folder.path, 'grounded.config.json'), JSON.stringify({ ingest: { batchFiles: 20 } }));

    // tsx is resolved from this repository, not from the temporary working folder.
    const tsx = import.meta.resolve('tsx');
    const child = spawn(process.execPath, ['--import', tsx, join(repo, 'src/cli/main.ts'), 'ingest', 'docs', '--data-dir', dataDir], {
      cwd: folder.path,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (data: Buffer) => {
      stderr += data.toString();
    });
    let running = true;
    const exited = new Promise<NodeJS.Signals | null>((done) =>
      child.on('exit', (_code, signal) => {
        running = false;
        done(signal);
      }),
    );
    // Kill it once some batches are committed, well before the end.
    for (let attempt = 0; attempt < 1_500 && running && chunkCount(dbFile) === 0; attempt += 1) {
      await new Promise((done) => setTimeout(done, 20));
    }
    child.kill('SIGKILL');
    assert.equal(await exited, 'SIGKILL', `the ingest was killed before it finished ${stderr}`);

    const db = new Database(dbFile);
    try {
      assert.equal((db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check, 'ok');
      const sources = (db.prepare('SELECT COUNT(*) AS n FROM sources').get() as { n: number }).n;
      assert.ok(sources > 0 && sources < files, `partial progress committed (${sources} of ${files} files)`);
      // Every committed file is whole: exactly what an uninterrupted ingest stores for it, chunk for chunk.
      const committedSpans = spansByDocument(db);
      assert.equal(committedSpans.size, sources, 'one document per committed source');
      const clean = await runGrounded(['ingest', 'docs', '--data-dir', join(folder.path, 'clean')], { cwd: folder.path });
      assert.equal(clean.code, 0, clean.stderr);
      const cleanDb = new Database(join(folder.path, 'clean', 'grounded.db'), { readonly: true });
      const cleanSpans = spansByDocument(cleanDb);
      cleanDb.close();
      for (const [key, spans] of committedSpans) assert.equal(spans, cleanSpans.get(key), `chunks of ${key}`);
      const orphans = db
        .prepare('SELECT COUNT(*) AS n FROM chunks c LEFT JOIN documents d ON d.id = c.document_id WHERE d.id IS NULL')
        .get() as { n: number };
      assert.equal(orphans.n, 0);
      const committed = sources;
      db.close();

      const rerun = await runGrounded(['ingest', 'docs', '--json', '--data-dir', dataDir], { cwd: folder.path });
      assert.equal(rerun.code, 0, rerun.stderr);
      const report = parseJson<{ added: number; unchanged: number; totalDocuments: number }>(rerun);
      assert.equal(report.unchanged, committed);
      assert.equal(report.added, files - committed);
      assert.equal(report.totalDocuments, files);
      const search = await runGrounded(['search', 'measurement 31001', '--json', '--data-dir', dataDir], { cwd: folder.path });
      assert.equal(parseJson<{ results: { doc: string }[] }>(search).results[0]?.doc, 'note-1000.md');
    } finally {
      if (db.open) db.close();
    }
  });
});
