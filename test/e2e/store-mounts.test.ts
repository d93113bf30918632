import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, openSync, closeSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runGrounded, temporaryFolder } from '../support/run-grounded.js';
import { spawnGrounded } from '../support/spawn-grounded.js';

// The store on real small and read-only file systems (tmpfs mounts; the tests run as root) and in a folder of another
// user: a full disk and a read-only folder are failures the user can fix (exit 1, what to do), and reads keep working.
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const nobody = 65534;

function mount(target: string, options: string): void {
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', target], { stdio: 'pipe' });
}
function remount(target: string, options: string): void {
  execFileSync('mount', ['-o', `remount,${options}`, target], { stdio: 'pipe' });
}
function unmount(target: string): void {
  // Lazy: a child that still has a file open does not keep the mount.
  execFileSync('umount', ['-l', target], { stdio: 'pipe' });
}

/** Why these tests cannot run here, or false when a tmpfs can be mounted. */
function mountUnavailable(): string | false {
  if (process.getuid?.() !== 0) return 'needs root to mount a tmpfs';
  const probe = mkdtempSync(join(tmpdir(), 'grounded-mount-probe-'));
  try {
    mount(probe, 'size=64k');
    unmount(probe);
    return false;
  } catch (error) {
    return `cannot mount a tmpfs here: ${String(error).split('\n')[0]}`;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

const skip = mountUnavailable();

/** Fills the file system holding `folder` to the last byte. */
function fill(folder: string): void {
  const descriptor = openSync(join(folder, 'filler'), 'w');
  const block = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) writeSync(descriptor, block);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(descriptor);
  }
  // The last partial block.
  const small = openSync(join(folder, 'filler-tail'), 'w');
  try {
    for (;;) writeSync(small, Buffer.alloc(512, 1));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(small);
  }
}

describe('the store on a full or read-only disk', { skip }, () => {
  const folder = temporaryFolder('store-mounts');
  const docs = join(folder.path, 'docs');
  const mounts: string[] = [];
  const spawnRun = (args: string[], dataDir: string, as?: number) =>
    spawnGrounded([...args, '--data-dir', dataDir], { cwd: folder.path, ...(as === undefined ? {} : { uid: as, gid: as }) });
  function mounted(name: string, options: string): string {
    const target = join(folder.path, name);
    mkdirSync(target);
    mount(target, options);
    mounts.push(target);
    return target;
  }

  before(() => {
    cpSync(join(repo, 'examples', 'sample-docs'), docs, { recursive: true });
  });
  after(() => {
    for (const target of mounts) unmount(target);
    folder.remove();
  });

  it('says "free disk space" (exit 1) when the disk fills during ingest, keeps serving reads, and a re-run with room finishes', async () => {
    const big = join(folder.path, 'big');
    mkdirSync(big);
    for (let note = 0; note < 300; note += 1) {
      writeFileSync(join(big, `note-${note}.md`), `# Note ${note}\n\n${`Station ${note} records alpha ${note * 7} and beta readings. `.repeat(60)}\n`);
    }
    const dataDir = mounted('full', 'size=1m');
    const ingest = await spawnRun(['ingest', 'big'], dataDir);
    assert.equal(ingest.code, 1, ingest.stderr);
    assert.match(ingest.stderr, /^error: no space left on the disk holding .*full \(writing the store\); free disk space .*then run the command again/m);
    assert.doesNotMatch(ingest.stderr, /please report/);

    // Not a byte left: the BM25 index a read builds cannot be saved, and the read answers from memory anyway.
    fill(dataDir);
    for (const args of [['search', 'station alpha readings', '--json'], ['ask', 'What does station 3 record?', '--json']]) {
      const result = await spawnRun(args, dataDir);
      assert.equal(result.code, 0, `${args[0]}: ${result.stderr}`);
      assert.equal(result.stderr, '');
    }
    const search = await spawnRun(['search', 'station alpha readings', '--json'], dataDir);
    assert.ok((JSON.parse(search.stdout) as { results: unknown[] }).results.length > 0, 'what was committed before the disk filled is searchable');

    rmSync(join(dataDir, 'filler'));
    rmSync(join(dataDir, 'filler-tail'));
    remount(dataDir, 'size=64m');
    const again = await runGrounded(['ingest', 'big', '--json'], { cwd: folder.path, dataDir });
    assert.equal(again.code, 0, again.stderr);
    assert.equal((JSON.parse(again.stdout) as { totalDocuments: number }).totalDocuments, 300);
  });

  it('reads a store on a read-only file system (search, ask, eval list), and says why ingest cannot write it', async () => {
    const dataDir = mounted('read-only', 'size=16m');
    assert.equal((await runGrounded(['ingest', 'docs'], { cwd: folder.path, dataDir })).code, 0);
    remount(dataDir, 'ro');
    for (const args of [['search', 'restore a snapshot', '--json'], ['ask', 'How do I restore a snapshot?', '--json'], ['eval', 'list']]) {
      const result = await spawnRun(args, dataDir);
      assert.equal(result.code, 0, `${args[0]}: ${result.stderr}`);
    }
    const search = await spawnRun(['search', 'restore a snapshot', '--json'], dataDir);
    assert.equal((JSON.parse(search.stdout) as { results: { doc: string }[] }).results[0]?.doc, 'guides/backups.md');
    const ingest = await spawnRun(['ingest', 'docs'], dataDir);
    assert.equal(ingest.code, 1, ingest.stderr);
    assert.match(ingest.stderr, /^error: cannot write the store: .*read-only is on a read-only file system; run this as a user who can write .*, or copy the data directory somewhere writable/);
    assert.doesNotMatch(ingest.stderr, /move .* away|damaged/, 'a good store is never called damaged');
  });

  it('reads a store in a folder this user may not write, and says "permission denied" for a write', async () => {
    const dataDir = join(folder.path, 'root-owned');
    assert.equal((await runGrounded(['ingest', 'docs'], { cwd: folder.path, dataDir })).code, 0);
    chmodSync(folder.path, 0o755);
    chmodSync(dataDir, 0o755);
    for (const args of [['search', 'restore a snapshot', '--json'], ['ask', 'How do I restore a snapshot?', '--json']]) {
      const result = await spawnRun(args, dataDir, nobody);
      assert.equal(result.code, 0, `${args[0]}: ${result.stderr}`);
    }
    const ingest = await spawnRun(['ingest', 'docs'], dataDir, nobody);
    assert.equal(ingest.code, 1, ingest.stderr);
    assert.match(ingest.stderr, /^error: cannot write the store: permission denied in .*root-owned; run this as a user who can write/);
    assert.doesNotMatch(ingest.stderr, /move .* away|damaged/);
  });
});
