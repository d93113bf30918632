import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { percentile } from '../src/eval/metrics/percentile.js';

// Cold start as users meet it: the built bin (`dist/cli/main.js`, what `grounded` runs), one whole process per search,
// against `node -e 0` timed the same way in the same moment (runs alternate, so load on the machine hits both alike).
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const traefikDocs = resolve(repo, '..', 'shared', 'datasets', 'traefik-docs', 'docs');
const main = join(repo, 'dist', 'cli', 'main.js');
const runs = 7;
const query = 'how do I enable TLS with Let us Encrypt';
const round = (value: number, digits = 1): number => Number(value.toFixed(digits));

/** Newest modification time of the compiled sources under `folder` (tests are not built). */
function newestSource(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds `dist/` when it is missing or older than a source file, so the figures are of the code in the tree. */
function ensureBuilt(): boolean {
  if (existsSync(main) && statSync(main).mtimeMs >= newestSource(join(repo, 'src'))) return false;
  const built = spawnSync('npm', ['run', 'build'], { cwd: repo, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`npm run build failed:\n${built.stdout}${built.stderr}`);
  return true;
}

/** Wall-clock milliseconds of one child process; throws when it fails. */
function timeProcess(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): { ms: number; stdout: string } {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd, env, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}:\n${result.stderr}`);
  return { ms, stdout: result.stdout };
}

export async function run() {
  const rebuilt = ensureBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'grounded-bench-cold-'));
  // No GROUNDED_* variable of the caller, and a working folder with no grounded.config.json: the default set-up.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('GROUNDED_')));
  try {
    const ingest = timeProcess([main, 'ingest', traefikDocs, '--data-dir', dataDir, '--json'], dataDir, env);
    const ingested = JSON.parse(ingest.stdout) as { totalChunks: number; totalDocuments: number };
    const search = [main, 'search', query, '--data-dir', dataDir];
    // One unmeasured run of each warms the file cache, as any second command of a session finds it.
    const first = timeProcess(search, dataDir, env);
    if (!/^1\. /.test(first.stdout)) throw new Error(`search found nothing:\n${first.stdout}`);
    timeProcess(['-e', '0'], dataDir, env);
    const searchMs: number[] = [];
    const baselineMs: number[] = [];
    for (let index = 0; index < runs; index++) {
      searchMs.push(timeProcess(search, dataDir, env).ms);
      baselineMs.push(timeProcess(['-e', '0'], dataDir, env).ms);
    }
    const medianMs = percentile(searchMs, 50);
    const nodeBaselineMedianMs = percentile(baselineMs, 50);
    return {
      corpus: 'traefik-docs',
      documents: ingested.totalDocuments,
      chunks: ingested.totalChunks,
      command: `node dist/cli/main.js search "${query}" --data-dir D`,
      rebuiltDist: rebuilt,
      runs,
      medianMs: round(medianMs),
      p95Ms: round(percentile(searchMs, 95)),
      minMs: round(Math.min(...searchMs)),
      nodeBaselineMedianMs: round(nodeBaselineMedianMs),
      ratio: round(medianMs / nodeBaselineMedianMs, 2),
      targetMs: 300,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await run(), null, 2));
}
