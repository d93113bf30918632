import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run-cli.js';

/** What one in-process CLI run produced. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `grounded ARGS...` in-process with captured output; `--data-dir` is appended when given. */
export async function runGrounded(
  args: readonly string[],
  options: { cwd: string; dataDir?: string; env?: NodeJS.ProcessEnv },
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const extra = options.dataDir === undefined ? [] : ['--data-dir', options.dataDir];
  const code = await runCli([...args, ...extra], {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env: options.env ?? {},
    cwd: options.cwd,
  });
  return { code, stdout, stderr };
}

/** Parses the single JSON document a `--json` run printed. */
export function parseJson<T>(run: CliRun): T {
  return JSON.parse(run.stdout) as T;
}

/** A fresh temporary folder, removed by the returned cleanup. */
export function temporaryFolder(prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), `grounded-${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
