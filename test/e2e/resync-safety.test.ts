import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseJson, runGrounded, temporaryFolder } from '../support/run-grounded.js';

// Re-syncs must never take "could not read" or "not asked for" for "deleted" (issue 11, items 1, 2 and 14).

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const nobody = 65534;

interface Report {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  kept: number;
  leftOut: number;
  removedPaths: string[];
  skipped: { path: string; reason: string }[];
  totalDocuments: number;
}

function writeTree(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/** Runs the real CLI as an unprivileged user (the tests run as root, for whom every folder is readable). */
function ingestAsNobody(cwd: string, args: readonly string[]): { code: number; report: Report; stderr: string } {
  const tsx = import.meta.resolve('tsx');
  const result = spawnSync(
    'setpriv',
    [`--reuid=${nobody}`, `--regid=${nobody}`, '--clear-groups', process.execPath, '--import', tsx, join(repo, 'src/cli/main.ts'), 'ingest', ...args, '--json'],
    { cwd, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', HOME: cwd } },
  );
  assert.equal(result.error, undefined);
  return { code: result.status ?? -1, report: JSON.parse(result.stdout) as Report, stderr: result.stderr };
}

const canDropPrivileges = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'true']).status === 0;

describe('a folder that cannot be read keeps what was ingested from it', { skip: canDropPrivileges ? false : 'setpriv cannot drop to uid 65534 here' }, () => {
  const folder = temporaryFolder('unreadable');
  after(() => folder.remove());

  for (const depth of [1, 3]) {
    it(`at depth ${depth}: nothing under it is removed, the report says why, and the rest is synced`, () => {
      const work = join(folder.path, `depth-${depth}`);
      const nested = Array.from({ length: depth }, (_, level) => `level${level}`).join('/');
      writeTree(join(work, 'docs'), {
        'top.md': '# Top\n\nThe top page about widgets.\n',
        [`${nested}/a.md`]: '# A\n\nAlpha page about apples.\n',
        [`${nested}/b.md`]: '# B\n\nBeta page about bananas.\n',
        [`${nested}/deeper/c.md`]: '# C\n\nGamma page about cherries.\n',
      });
      spawnSync('chown', ['-R', `${nobody}:${nobody}`, work]);
      chmodSync(folder.path, 0o755);
      const first = ingestAsNobody(work, ['docs', '--data-dir', 'data']);
      assert.equal(first.code, 0, first.stderr);
      assert.equal(first.report.added, 4);

      // The subfolder now belongs to another user and is closed to everyone else; a readable file changes.
      const closed = join(work, 'docs', nested);
      chownSync(closed, 0, 0);
      chmodSync(closed, 0o700);
      writeFileSync(join(work, 'docs', 'top.md'), '# Top\n\nThe top page about widgets, edited.\n');
      const second = ingestAsNobody(work, ['docs', '--data-dir', 'data']);
      chmodSync(closed, 0o755);

      assert.equal(second.code, 0, second.stderr);
      assert.equal(second.report.removed, 0);
      assert.equal(second.report.updated, 1);
      assert.equal(second.report.kept, 3);
      assert.equal(second.report.totalDocuments, 4);
      assert.ok(second.report.skipped.some((skip) => skip.path === nested && /unreadable folder/.test(skip.reason)));
    });
  }

  it('exits 1 only when nothing at all could be read', () => {
    const work = join(folder.path, 'all');
    writeTree(join(work, 'docs'), { 'a.md': '# A\n\nAlpha.\n' });
    spawnSync('chown', ['-R', `${nobody}:${nobody}`, work]);
    assert.equal(ingestAsNobody(work, ['docs', '--data-dir', 'data']).code, 0);
    chownSync(join(work, 'docs'), 0, 0);
    chmodSync(join(work, 'docs'), 0o700);
    const closed = ingestAsNobody(work, ['docs', '--data-dir', 'data']);
    chmodSync(join(work, 'docs'), 0o755);
    assert.equal(closed.code, 1);
    assert.equal(closed.report.removed, 0);
    assert.equal(closed.report.kept, 1);
  });
});

describe('a narrower --include or --exclude on a re-sync', () => {
  const folder = temporaryFolder('filters');
  after(() => folder.remove());

  it('removes nothing that still exists; --prune removes what the filters leave out and lists it', async () => {
    const cwd = folder.path;
    writeTree(join(cwd, 'docs'), {
      'guide/install.md': '# Install\n\nRun the installer.\n',
      'guide/upgrade.md': '# Upgrade\n\nRun the upgrade.\n',
      'blog/news.md': '# News\n\nA release happened.\n',
      'faq.md': '# FAQ\n\nQuestions and answers.\n',
    });
    const dataDir = join(cwd, 'data');
    assert.equal(parseJson<Report>(await runGrounded(['ingest', 'docs', '--json'], { cwd, dataDir })).added, 4);

    const narrower = parseJson<Report>(await runGrounded(['ingest', 'docs', '--include', 'guide/**', '--json'], { cwd, dataDir }));
    assert.deepEqual([narrower.removed, narrower.leftOut, narrower.totalDocuments], [0, 2, 4]);
    const excluded = await runGrounded(['ingest', 'docs', '--exclude', 'blog/**', 'faq.md'], { cwd, dataDir });
    assert.equal(excluded.code, 0);
    assert.match(excluded.stdout, /0 removed/);
    assert.match(excluded.stdout, /--prune/);

    // A file really deleted is still removed, filters or not.
    rmSync(join(cwd, 'docs', 'guide', 'upgrade.md'));
    const deleted = parseJson<Report>(await runGrounded(['ingest', 'docs', '--include', 'guide/**', '--json'], { cwd, dataDir }));
    assert.deepEqual([deleted.removed, deleted.removedPaths], [1, ['guide/upgrade.md']]);

    const pruned = await runGrounded(['ingest', 'docs', '--include', 'guide/**', '--prune'], { cwd, dataDir });
    assert.equal(pruned.code, 0);
    assert.match(pruned.stdout, /2 removed/);
    assert.match(pruned.stdout, /removed blog\/news\.md\n/);
    assert.match(pruned.stdout, /removed faq\.md\n/);
    const after = parseJson<Report>(await runGrounded(['ingest', 'docs', '--include', 'guide/**', '--json'], { cwd, dataDir }));
    assert.equal(after.totalDocuments, 1);
  });
});

describe('symlinks inside an ingested folder', () => {
  const folder = temporaryFolder('links');
  after(() => folder.remove());

  it('a link resolving outside the ingested folders is skipped and reported, unless --follow-external-links', async () => {
    const cwd = folder.path;
    writeTree(cwd, {
      'docs/guide.md': '# Guide\n\nThe guide.\n',
      'docs/sub/inside.md': '# Inside\n\nLinked from within.\n',
      'secret/passwords.txt': 'root:hunter2\n',
    });
    symlinkSync(join(cwd, 'secret', 'passwords.txt'), join(cwd, 'docs', 'notes.txt'));
    symlinkSync(join(cwd, 'docs', 'sub', 'inside.md'), join(cwd, 'docs', 'alias.md'));
    const dataDir = join(cwd, 'data');
    const first = await runGrounded(['ingest', 'docs', '--json'], { cwd, dataDir });
    const report = parseJson<Report>(first);
    assert.equal(report.totalDocuments, 2, 'guide.md and sub/inside.md; alias.md is the same file as sub/inside.md');
    assert.ok(report.skipped.some((skip) => skip.path === 'notes.txt' && /outside the ingested folders/.test(skip.reason)));
    const search = await runGrounded(['search', 'hunter2', '--json'], { cwd, dataDir });
    assert.deepEqual(JSON.parse(search.stdout).results, []);

    const followed = parseJson<Report>(await runGrounded(['ingest', 'docs', '--follow-external-links', '--json'], { cwd, dataDir }));
    assert.equal(followed.added, 1);
    // Without the flag again, the outside file is removed: it is no longer allowed to be citable.
    const refused = parseJson<Report>(await runGrounded(['ingest', 'docs', '--json'], { cwd, dataDir }));
    assert.deepEqual(refused.removedPaths, ['notes.txt']);
  });

  it('the same folder ingested through a symlinked path is not duplicated', async () => {
    const cwd = join(folder.path, 'alias');
    writeTree(cwd, { 'real/a.md': '# A\n\nAlpha.\n', 'real/b.md': '# B\n\nBeta.\n' });
    symlinkSync(join(cwd, 'real'), join(cwd, 'via-link'));
    const dataDir = join(cwd, 'data');
    assert.equal(parseJson<Report>(await runGrounded(['ingest', 'real', '--json'], { cwd, dataDir })).added, 2);
    const again = parseJson<Report>(await runGrounded(['ingest', 'via-link', '--json'], { cwd, dataDir }));
    assert.deepEqual([again.added, again.unchanged, again.totalDocuments], [0, 2, 2]);
  });
});
