import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');

describe("the README's library example", () => {
  it('is scripts/examples/library.ts verbatim (importing from the package name)', () => {
    const readme = readFileSync(join(repo, 'README.md'), 'utf8');
    const block = /## Use it as a library[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    const example = readFileSync(join(here, 'library.ts'), 'utf8').replace("'../../src/index.js'", "'grounded'");
    assert.equal(block, example);
  });

  it('runs: answers with a citation, stores an evaluation run, and reports a missing embedder as a GroundedError', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', join(here, 'library.ts')], { cwd: repo, env: { PATH: process.env['PATH'] ?? '' } });
    assert.match(stdout, /vault rotate --key signing.*\[1\]/);
    assert.match(stdout, /keys\.md/);
    assert.match(stdout, /recall@5 1/);
    assert.match(stdout, /no embedder: the hybrid preset needs an embedder/);
  });
});
