import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Each scenario runs in its own process so its peak RSS and timings are its own. Prints one JSON document.
const here = dirname(fileURLToPath(import.meta.url));
const scenarios = ['cold-start', 'lexical-search', 'eval-beir', 'ingest', 'ask', 'vector-search', 'hybrid-search'];
const only = process.argv.slice(2);
const figures: Record<string, unknown> = { node: process.version, date: new Date().toISOString() };
for (const scenario of scenarios.filter((name) => only.length === 0 || only.includes(name))) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(here, `${scenario}.ts`)], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    console.error(`bench ${scenario} failed:\n${result.stderr}`);
    process.exit(1);
  }
  figures[scenario] = JSON.parse(result.stdout) as unknown;
}
console.log(JSON.stringify(figures, null, 2));
