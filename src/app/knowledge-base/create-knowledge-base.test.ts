import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { isGroundedError } from '../../core/errors.js';
import { createSqliteStore } from '../../indexing/stores/sqlite/create-sqlite-store.js';
import { runGrounded, temporaryFolder } from '../../../test/support/run-grounded.js';
import { spawnGrounded } from '../../../test/support/spawn-grounded.js';
import { createKnowledgeBase } from './create-knowledge-base.js';

const docs = (kb: ReturnType<typeof createKnowledgeBase>, query: string) =>
  kb.search(query, { k: 3 }).then((results) => results.map((result) => result.chunk.doc));

describe('the knowledge base service sees what another instance or process synced', () => {
  const folder = temporaryFolder('grounded-staleness-');
  after(() => folder.remove());
  const file = join(folder.path, 'data', 'grounded.db');
  const sources = join(folder.path, 'docs');
  mkdirSync(sources, { recursive: true });
  writeFileSync(join(sources, 'alpha.md'), '# Alpha\n\nApples grow on trees in the orchard.\n');

  it('two instances on one data dir: the second sees a document the first just synced, at its next call', async () => {
    await using first = createKnowledgeBase({ store: createSqliteStore(file) });
    await using second = createKnowledgeBase({ store: createSqliteStore(file, { access: 'read' }) });
    await first.sync([sources]);
    assert.deepEqual(await docs(second, 'apples orchard'), ['alpha.md']);
    assert.deepEqual(await docs(second, 'zebras savanna'), [], 'its BM25 index is now cached');
    writeFileSync(join(sources, 'zebra.md'), '# Zebra\n\nZebras graze on the savanna.\n');
    await first.sync([sources]);
    assert.deepEqual(await docs(second, 'zebras savanna'), ['zebra.md']);
    // A filter's rows are cached per generation too.
    assert.deepEqual((await second.search('zebras', { filter: { pathPrefixes: ['zebra'] } })).map((result) => result.chunk.doc), ['zebra.md']);
  });

  it('two processes: a long-lived instance sees a document another process synced', async () => {
    await using service = createKnowledgeBase({ store: createSqliteStore(file, { access: 'read' }) });
    assert.deepEqual(await docs(service, 'kiwis feathers'), []);
    writeFileSync(join(sources, 'kiwi.md'), '# Kiwi\n\nKiwis are birds with hair-like feathers.\n');
    const ingest = await spawnGrounded(['ingest', sources, '--data-dir', join(folder.path, 'data')], { cwd: folder.path });
    assert.equal(ingest.code, 0, ingest.stderr);
    assert.deepEqual(await docs(service, 'kiwis feathers'), ['kiwi.md']);
  });

  it('builds providers only when used: eval list works with a half-set embedder, search under hybrid says what is missing', async () => {
    const env = { GROUNDED_EMBEDDER_PROVIDER: 'openai-compatible', GROUNDED_EMBEDDER_MODEL: 'nomic-embed-text' };
    const list = await runGrounded(['eval', 'list', '--json'], { cwd: folder.path, dataDir: join(folder.path, 'data'), env });
    assert.equal(list.code, 0, list.stderr);
    assert.deepEqual(JSON.parse(list.stdout), { kb: 'default', runs: [] });
    const search = await runGrounded(['search', 'apples'], { cwd: folder.path, dataDir: join(folder.path, 'data'), env });
    assert.notEqual(search.code, 0);
    assert.match(search.stderr, /base URL/);
  });

  it('throws GroundedErrors: KB_NOT_FOUND before the first sync, INVALID_CONFIG for a preset with no embedder', async () => {
    await using empty = createKnowledgeBase({ store: createSqliteStore(join(folder.path, 'empty', 'grounded.db')) });
    await assert.rejects(empty.search('anything'), (error: unknown) => isGroundedError(error, 'KB_NOT_FOUND'));
    await using kb = createKnowledgeBase({ store: createSqliteStore(file, { access: 'read' }) });
    await assert.rejects(kb.search('apples', { preset: 'hybrid' }), (error: unknown) => isGroundedError(error, 'INVALID_CONFIG'));
  });
});
