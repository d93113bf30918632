import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const tsx = import.meta.resolve('tsx');

// A module-loading hook that appends every URL it loads to a log file. appendFileSync, not stderr: the hook runs on
// its own thread, and only a synchronous write to a file keeps the log in the order the main thread saw the modules.
const hooks = `
import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  const result = await next(url, context);
  appendFileSync(process.env.LOADED_MODULES_LOG, url + '\\n');
  return result;
}`;

const register = `
import { register } from 'node:module';
register(process.env.LOADED_MODULES_HOOKS);`;

/**
 * Runs an ES module script in a child process (under tsx, so it may import `.ts` sources) and returns, in order, the
 * URLs of the ES modules it loaded and the marks it wrote with `globalThis.mark(name)` (as `mark:<name>` entries).
 * For tests that check a dependency is imported only when needed; CommonJS files required from CommonJS are not seen.
 *
 * @example
 * const entries = await listLoadedModules(`await import('${url}'); mark('imported');`);
 * assert.ok(!entries.slice(0, entries.indexOf('mark:imported')).some((entry) => entry.includes('/linkedom/')));
 */
export async function listLoadedModules(script: string, cwd: string = process.cwd()): Promise<string[]> {
  const folder = await mkdtemp(join(tmpdir(), 'grounded-modules-'));
  try {
    const log = join(folder, 'loaded.log');
    const hooksFile = join(folder, 'hooks.mjs');
    await writeFile(hooksFile, hooks);
    await writeFile(log, '');
    const prelude = `import { appendFileSync } from 'node:fs';\nglobalThis.mark = (name) => appendFileSync(process.env.LOADED_MODULES_LOG, 'mark:' + name + '\\n');\n`;
    const child = spawn(
      process.execPath,
      ['--import', tsx, '--import', `data:text/javascript,${encodeURIComponent(register)}`, '--input-type=module', '-e', prelude + script],
      {
        cwd,
        env: { ...process.env, LOADED_MODULES_LOG: log, LOADED_MODULES_HOOKS: pathToFileURL(hooksFile).href },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    if (code !== 0) throw new Error(`module listing script failed (exit ${code}): ${stderr}`);
    return (await readFile(log, 'utf8')).split('\n').filter((line) => line !== '');
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
