import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { temporaryFolder } from '../support/run-grounded.js';
import { spawnGrounded, type SpawnedRun } from '../support/spawn-grounded.js';

// Issue 11: many grounded processes on one store at once. Nothing exits 3, every reader gets its one answer, and two
// overlapping ingests store every document exactly once.

interface AskJson {
  question: string;
  answer: string;
  abstained: boolean;
}

function page(folder: string, file: number): string {
  return `# ${folder} page ${file}\n\nThe ${folder} relay ${file} forwards packets on port ${4000 + file} with a timeout of ${file % 60} seconds.\n`;
}

describe('grounded processes running at the same time on one store', () => {
  const folder = temporaryFolder('concurrency');
  const cwd = folder.path;
  const grounded = (args: string[], dataDir: string): Promise<SpawnedRun> => spawnGrounded([...args, '--data-dir', dataDir], { cwd });
  after(() => folder.remove());

  before(() => {
    for (const name of ['alpha', 'beta']) {
      mkdirSync(join(cwd, name));
      // The same relative paths in both folders.
      for (let file = 0; file < 300; file += 1) writeFileSync(join(cwd, name, `relay-${file}.md`), page(name, file));
    }
    mkdirSync(join(cwd, 'large'));
    for (let file = 0; file < 2500; file += 1) writeFileSync(join(cwd, 'large', `note-${file}.md`), page('large', file).repeat(4));
    writeFileSync(join(cwd, 'grounded.config.json'), JSON.stringify({ ingest: { batchFiles: 16 } }));
  });

  it('16 parallel asks on a store with no saved index: each answers its own question, none fails', async () => {
    const dataDir = join(cwd, 'asks');
    const ingest = await grounded(['ingest', 'alpha'], dataDir);
    assert.equal(ingest.code, 0, ingest.stderr);
    const db = new Database(join(dataDir, 'grounded.db'));
    db.exec('DELETE FROM index_snapshots');
    db.close();
    const questions = Array.from({ length: 16 }, (_, index) => `Which port does alpha relay ${index * 17} forward packets on?`);
    const runs = await Promise.all(questions.map((question) => grounded(['ask', question, '--json'], dataDir)));
    for (const [index, run] of runs.entries()) {
      assert.equal(run.code, 0, `${questions[index]}: exit ${run.code} ${run.stderr}`);
      const answer = JSON.parse(run.stdout) as AskJson;
      assert.equal(answer.question, questions[index]);
      assert.equal(answer.abstained, false, run.stdout);
      assert.match(answer.answer, new RegExp(`port ${4000 + index * 17}\\b`));
    }
  });

  it('searches during a large ingest all answer, from the last committed state', async () => {
    const dataDir = join(cwd, 'during');
    const first = await grounded(['ingest', 'alpha'], dataDir);
    assert.equal(first.code, 0, first.stderr);
    let ingesting = true;
    const ingest = grounded(['ingest', 'large', '--json'], dataDir).finally(() => {
      ingesting = false;
    });
    const searches: SpawnedRun[] = [];
    // Two readers at a time, for as long as the ingest runs (bounded).
    while (ingesting && searches.length < 40) searches.push(...(await Promise.all([1, 2].map(() => grounded(['search', 'alpha relay 42 port', '--json'], dataDir)))));
    const done = await ingest;
    assert.equal(done.code, 0, done.stderr);
    assert.ok(searches.length >= 2);
    for (const search of searches) {
      assert.equal(search.code, 0, search.stderr);
      const results = (JSON.parse(search.stdout) as { results: { doc: string }[] }).results;
      assert.equal(results[0]?.doc, 'relay-42.md');
    }
    assert.equal((JSON.parse(done.stdout) as { totalDocuments: number }).totalDocuments, 2800);
  });

  it('two overlapping ingests of folders with the same relative paths store every document once', async () => {
    const dataDir = join(cwd, 'overlap');
    const [alpha, beta] = await Promise.all([grounded(['ingest', 'alpha', '--json'], dataDir), grounded(['ingest', 'beta', '--json'], dataDir)]);
    for (const run of [alpha, beta]) assert.equal(run.code, 0, run.stderr);
    const db = new Database(join(dataDir, 'grounded.db'), { readonly: true });
    try {
      const texts = (db.prepare('SELECT text FROM documents').all() as { text: string }[]).map((row) => row.text);
      assert.equal(texts.length, 600);
      const expected = ['alpha', 'beta'].flatMap((name) => Array.from({ length: 300 }, (_, file) => `${name} relay ${file} forwards`));
      for (const fragment of expected) assert.equal(texts.filter((text) => text.includes(`The ${fragment} `)).length, 1, fragment);
      assert.equal((db.prepare('SELECT COUNT(*) AS n FROM sources').get() as { n: number }).n, 600);
      assert.equal((db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check, 'ok');
    } finally {
      db.close();
    }
    // Each report counts what it wrote; together, everything.
    const added = [alpha, beta].map((run) => (JSON.parse(run.stdout) as { added: number }).added);
    assert.deepEqual(added, [300, 300]);
  });
});
