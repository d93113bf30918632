import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { listLoadedModules } from '../support/list-loaded-modules.js';

// Start-up is most of a short command's time: a lexical search with the default set-up must not import the
// libraries that only ingest, evaluation, models or configuration files need (docs/architecture.md, Start-up).
const notOnTheSearchPath = [
  'zod',
  'linkedom',
  'turndown',
  '@mozilla/readability',
  'gray-matter',
  'yaml',
  'usearch',
  '@huggingface/transformers',
  'onnxruntime-node',
  'ajv',
  'franc-min',
  'gpt-tokenizer',
  'ignore',
  'picomatch',
];

test('grounded search imports none of the heavy libraries it does not use', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'grounded-search-imports-'));
  try {
    const main = new URL('../../src/cli/main.ts', import.meta.url).href;
    const entries = await listLoadedModules(`
      // Under -e, argv holds only the node binary: main.ts reads its arguments from argv[2] on.
      process.argv.splice(1, Infinity, 'grounded', 'search', 'tls', '--data-dir', ${JSON.stringify(dataDir)});
      await import(${JSON.stringify(main)});
      // The knowledge base was never ingested (exit 1): only what the command imported on the way matters here.
      process.exitCode = 0;
    `);
    assert.ok(entries.some((entry) => entry.includes('/src/cli/search-command.ts')), 'the search command ran');
    assert.ok(entries.some((entry) => entry.includes('/node_modules/better-sqlite3/')), 'the store was opened');
    for (const name of notOnTheSearchPath) {
      const loaded = entries.find((entry) => entry.includes(`/node_modules/${name}/`));
      assert.equal(loaded, undefined, `${name} was imported`);
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
