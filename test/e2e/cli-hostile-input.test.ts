import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync, readdirSync, symlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseJson, runGrounded, temporaryFolder } from '../support/run-grounded.js';

// Issue 11: report paths, closed pipes, names and numbers a hostile or careless user can type.

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('hostile input to the CLI', () => {
  const folder = temporaryFolder('hostile');
  const cwd = folder.path;
  const dataDir = join(cwd, 'data');
  after(() => folder.remove());

  it('setup: a small knowledge base', async () => {
    mkdirSync(join(cwd, 'docs'));
    for (let page = 0; page < 300; page += 1) {
      writeFileSync(join(cwd, 'docs', `page-${page}.md`), `# Page ${page}\n\nThe widget setting number ${page} controls the widget timeout and the widget retry count.\n`);
    }
    writeFileSync(join(cwd, 'golden.jsonl'), `${JSON.stringify({ id: 'q1', question: 'What controls the widget timeout?', answers: ['widget setting'], sources: [{ doc: 'page-1.md', quote: 'The widget setting number 1' }], kind: 'answerable' })}\n`);
    const ingest = await runGrounded(['ingest', 'docs'], { cwd, dataDir });
    assert.equal(ingest.code, 0, ingest.stderr);
  });

  it('eval run --report refuses the store, the data dir and files grounded did not write; --force and its own reports are fine', async () => {
    const store = join(dataDir, 'grounded.db');
    const before = readFileSync(store);
    for (const target of [store, join(dataDir, 'report.html'), dataDir]) {
      const run = await runGrounded(['eval', 'run', '--golden', 'golden.jsonl', '--report', target], { cwd, dataDir });
      assert.equal(run.code, 1, `${target}: ${run.stderr}`);
      assert.match(run.stderr, /data directory/);
    }
    // Through a symlink to the store, too.
    symlinkSync(store, join(cwd, 'innocent.html'));
    const viaLink = await runGrounded(['eval', 'run', '--golden', 'golden.jsonl', '--report', 'innocent.html'], { cwd, dataDir });
    assert.equal(viaLink.code, 1, viaLink.stderr);
    assert.ok(readFileSync(store).subarray(0, 16).equals(before.subarray(0, 16)), 'the store is untouched');
    const search = await runGrounded(['search', 'widget timeout', '--json'], { cwd, dataDir });
    assert.equal(search.code, 0, search.stderr);

    writeFileSync(join(cwd, 'notes.html'), '<p>my own notes</p>');
    const refused = await runGrounded(['eval', 'run', '--golden', 'golden.jsonl', '--report', 'notes.html'], { cwd, dataDir });
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /--force/);
    assert.equal(readFileSync(join(cwd, 'notes.html'), 'utf8'), '<p>my own notes</p>');

    const written = await runGrounded(['eval', 'run', '--golden', 'golden.jsonl', '--report', 'report.html'], { cwd, dataDir });
    assert.equal(written.code, 0, written.stderr);
    const again = await runGrounded(['eval', 'show', 'latest', '--report', 'report.html'], { cwd, dataDir });
    assert.equal(again.code, 0, again.stderr);
    const forced = await runGrounded(['eval', 'show', 'latest', '--report', 'notes.html', '--force'], { cwd, dataDir });
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(readFileSync(join(cwd, 'notes.html'), 'utf8'), /<!doctype html>/);
    assert.deepEqual(readdirSync(cwd).filter((name) => name.endsWith('.tmp')), [], 'no temporary file left');
  });

  it('a closed stdout ends the command quietly', () => {
    const tsx = import.meta.resolve('tsx');
    const command = `set -o pipefail; "${process.execPath}" --import "${tsx}" "${join(repo, 'src/cli/main.ts')}" search "widget timeout" -k 300 --data-dir "${dataDir}" | head -c 10 >/dev/null`;
    const result = spawnSync('bash', ['-c', command], { cwd, encoding: 'utf8' });
    assert.equal(result.stderr, '');
    assert.equal(result.status, 0);
  });

  it('knowledge base names must follow the rule; numbers must be plain digits', async () => {
    for (const name of ['', ' ', 'default ', '../x', 'a\nb']) {
      const run = await runGrounded(['--kb', name, 'search', 'widget'], { cwd, dataDir });
      assert.equal(run.code, 2, JSON.stringify(name));
      assert.match(run.stderr, /invalid knowledge base name/);
    }
    for (const k of ['1e3', '0x10', '1.0', '+5', '0', '-1', ' 7']) {
      const run = await runGrounded(['search', 'widget', '-k', k], { cwd, dataDir });
      assert.equal(run.code, 2, k);
    }
    assert.equal((await runGrounded(['search', 'widget', '-k', '12'], { cwd, dataDir })).code, 0);
  });

  it('a file name with a newline stays on one line of text output', async () => {
    const work = join(cwd, 'newline');
    mkdirSync(join(work, 'docs'), { recursive: true });
    writeFileSync(join(work, 'docs', 'evil\nskipped fake.md: forged line.md'), '# Evil\n\nZebras graze quietly.\n');
    const ingest = await runGrounded(['ingest', 'docs'], { cwd: work, dataDir: join(work, 'data') });
    assert.equal(ingest.code, 0, ingest.stderr);
    const search = await runGrounded(['search', 'zebras'], { cwd: work, dataDir: join(work, 'data') });
    assert.match(search.stdout, /^1\. evil\\nskipped fake\.md: forged line\.md/m);
    assert.equal(search.stdout.split('\n').filter((line) => line.startsWith('skipped')).length, 0);
  });

  it('the skipped list is capped and summarised', async () => {
    const work = join(cwd, 'duplicates');
    mkdirSync(join(work, 'docs'), { recursive: true });
    const records = Array.from({ length: 20_000 }, (_, index) => JSON.stringify({ _id: 'same', text: `record ${index}` })).join('\n');
    writeFileSync(join(work, 'docs', 'dupes.jsonl.gz'), gzipSync(records));
    const run = await runGrounded(['ingest', 'docs', '--json'], { cwd: work, dataDir: join(work, 'data') });
    const report = parseJson<{ skipped: unknown[]; skippedTotal: number }>(run);
    assert.equal(report.skippedTotal, 19_999);
    assert.equal(report.skipped.length, 1000);
    assert.ok(run.stdout.length < 200_000, `${run.stdout.length} bytes of JSON`);
    const text = await runGrounded(['ingest', 'docs'], { cwd: work, dataDir: join(work, 'data2') });
    assert.match(text.stderr, /and 19949 more skipped/);
    assert.ok(text.stderr.split('\n').length < 60);
  });

  it('an overlap over half the chunk size is refused when the config is read, not file by file', async () => {
    const work = join(cwd, 'overlap');
    mkdirSync(work);
    writeFileSync(join(work, 'grounded.config.json'), JSON.stringify({ chunking: { maxTokens: 64, overlapTokens: 40 } }));
    const run = await runGrounded(['ingest', join(cwd, 'docs')], { cwd: work, dataDir: join(work, 'data') });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /overlapTokens/);
    assert.equal(existsSync(join(work, 'data', 'grounded.db')), false);
  });
});
