import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { isGroundedError } from '../core/errors.js';
import { loadConfig } from './load-config.js';
import { loadConfigLazily } from './load-config-lazily.js';

const dir = mkdtempSync(join(tmpdir(), 'grounded-config-lazily-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('returns what loadConfig returns, with and without something to validate', async () => {
  const cases = [
    { cwd: dir, env: {} },
    { cwd: dir, env: { GROUNDED_DATA_DIR: 'kb' } },
    { cwd: dir, env: {}, overrides: { dataDir: '/tmp/elsewhere' } },
    { cwd: dir, env: { GROUNDED_LLM_PROVIDER: 'anthropic', GROUNDED_LLM_MODEL: 'm' } },
    { cwd: dir, env: {}, overrides: { retrieval: { k: 3 } } },
  ];
  for (const options of cases) assert.deepStrictEqual(await loadConfigLazily(options), loadConfig(options), JSON.stringify(options));
});

test('a config file is validated: a bad field is INVALID_CONFIG', async () => {
  const cwd = mkdtempSync(join(dir, 'bad-'));
  writeFileSync(join(cwd, 'grounded.config.json'), JSON.stringify({ retrieval: { k: 0 } }));
  await assert.rejects(loadConfigLazily({ cwd, env: {} }), (error) => isGroundedError(error, 'INVALID_CONFIG'));
  await assert.rejects(loadConfigLazily({ cwd: dir, env: {}, overrides: { dataDir: 7 as unknown as string } }), (error) => isGroundedError(error, 'INVALID_CONFIG'));
});

test('hands out a fresh copy each time', async () => {
  const first = await loadConfigLazily({ cwd: dir, env: {} });
  (first.ingest.include as string[]).push('changed');
  assert.deepEqual((await loadConfigLazily({ cwd: dir, env: {} })).ingest.include, []);
});
