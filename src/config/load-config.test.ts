import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { isGroundedError } from '../core/errors.js';
import { loadConfig } from './load-config.js';

const dir = mkdtempSync(join(tmpdir(), 'grounded-config-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('loadConfig', () => {
  it('gives every field a default, with the data dir resolved against the working directory', () => {
    const config = loadConfig({ cwd: dir, env: {} });
    assert.equal(config.dataDir, join(dir, '.grounded'));
    assert.equal(config.lexical.k1, 0.9);
    assert.equal(config.chunking.maxTokens, 384);
    assert.equal(config.llm.provider, 'extractive');
  });

  it('layers file < environment < overrides', () => {
    writeFileSync(join(dir, 'grounded.config.json'), JSON.stringify({ dataDir: 'from-file', chunking: { maxTokens: 200 } }));
    const env = { GROUNDED_DATA_DIR: '/from/env', GROUNDED_LLM_PROVIDER: 'anthropic', GROUNDED_LLM_MODEL: 'claude-x', GROUNDED_LLM_API_KEY: 'sk-secret' };
    const config = loadConfig({ cwd: dir, env });
    assert.equal(config.dataDir, '/from/env');
    assert.equal(config.chunking.maxTokens, 200);
    assert.equal(config.chunking.overlapTokens, 48, 'nested defaults survive a partial section');
    assert.deepEqual([config.llm.provider, config.llm.model, config.llm.apiKey], ['anthropic', 'claude-x', 'sk-secret']);
    assert.equal(loadConfig({ cwd: dir, env, overrides: { dataDir: '/flag' } }).dataDir, '/flag');
    rmSync(join(dir, 'grounded.config.json'));
  });

  it('names the bad field, and never echoes a secret', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ chunking: { maxTokens: 'big' } }));
    assert.throws(
      () => loadConfig({ cwd: dir, env: {}, file }),
      (error: unknown) => isGroundedError(error, 'INVALID_CONFIG') && /chunking\.maxTokens/.test(error.message),
    );
    const env = { GROUNDED_LLM_PROVIDER: 'mystery', GROUNDED_LLM_API_KEY: 'sk-very-secret' };
    assert.throws(
      () => loadConfig({ cwd: dir, env }),
      (error: unknown) =>
        isGroundedError(error, 'INVALID_CONFIG') && /llm\.provider/.test(error.message) && !JSON.stringify(error).includes('sk-very-secret') && !error.message.includes('sk-very-secret'),
    );
    writeFileSync(file, '{ not json');
    assert.throws(() => loadConfig({ cwd: dir, env: {}, file }), (error: unknown) => isGroundedError(error, 'INVALID_CONFIG'));
    assert.throws(() => loadConfig({ cwd: dir, env: {}, file: join(dir, 'missing.json') }), /config file not found/);
  });
});
