import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
// tsx is resolved from this repository, not from the working folder of the run.
const tsx = import.meta.resolve('tsx');

/** What one `grounded` child process did. */
export interface SpawnedRun {
  /** Exit code; null when a signal ended it (`signal` says which). */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Where and as whom a child runs. */
export interface SpawnGroundedOptions {
  readonly cwd: string;
  /** Added to a minimal environment (PATH only): no GROUNDED_* variable of the test process leaks in. */
  readonly env?: NodeJS.ProcessEnv;
  /** Run as this user and group (the test runs as root): a folder the child may not write is then really unwritable. */
  readonly uid?: number;
  readonly gid?: number;
  /** Kill the child with SIGKILL after this many milliseconds if it is still running (fault injection). */
  readonly killAfterMs?: number;
}

/**
 * Runs the real CLI (`src/cli/main.ts` under tsx) in a child process and collects its output and exit code, so
 * a crash is a crash of the child, not of the test runner.
 *
 * @example
 * const run = await spawnGrounded(['search', 'tls', '--data-dir', dataDir], { cwd });
 * assert.equal(run.code, 0, run.stderr);
 */
export function spawnGrounded(args: readonly string[], options: SpawnGroundedOptions): Promise<SpawnedRun> {
  const child = spawn(process.execPath, ['--import', tsx, join(repo, 'src/cli/main.ts'), ...args], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.uid === undefined ? {} : { uid: options.uid }),
    ...(options.gid === undefined ? {} : { gid: options.gid }),
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (data: Buffer) => {
    stdout += data.toString();
  });
  child.stderr.on('data', (data: Buffer) => {
    stderr += data.toString();
  });
  const killer = options.killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), options.killAfterMs);
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      done({ code, signal, stdout, stderr });
    });
  });
}
