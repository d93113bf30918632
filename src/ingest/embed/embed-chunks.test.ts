import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Embedder } from '../../core/embedder.js';
import { GroundedError } from '../../core/errors.js';
import type { Store } from '../../core/store/store.js';
import { createSqliteStore } from '../../indexing/stores/sqlite/create-sqlite-store.js';
import { embedChunks } from './embed-chunks.js';

/** An embedder double: vectors from character codes, every call recorded, failing from call `failFrom` on. */
function recordingEmbedder(id: string, failFrom = Infinity): Embedder & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    provider: 'fake',
    modelId: id,
    id,
    dimensions: 3,
    maxBatchSize: 4,
    calls,
    embed(texts) {
      calls.push([...texts]);
      if (calls.length >= failFrom) return Promise.reject(new GroundedError('PROVIDER_UNAVAILABLE', 'fake returned HTTP 500'));
      return Promise.resolve(texts.map((text) => new Float32Array([text.length, text.charCodeAt(0), 1])));
    },
  };
}

async function fill(store: Store, kb: string, count: number): Promise<void> {
  await store.open(kb).create();
  const empty = { terms: new Map<string, number>(), length: 0 };
  const upserts = Array.from({ length: count }, (_, index) => {
    const text = `passage number ${index}`;
    const key = `doc-${index}.md`;
    return {
      source: { root: '/docs', path: key, hash: `h${index}`, size: 1, fingerprint: 'f' },
      documents: [
        {
          document: { key, title: '', text, headings: [], metadata: {} },
          chunks: [{ chunk: { id: `${key}#0`, doc: key, title: '', ordinal: 0, start: 0, end: text.length, text, headingPath: [], tokens: 3 }, body: empty, title: empty }],
        },
      ],
    };
  });
  await store.open(kb).sources.apply({ upserts, removals: [] });
}

describe('embedChunks', () => {
  let dir: string;
  let store: Store;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'grounded-embed-'));
    store = createSqliteStore(join(dir, 'grounded.db'));
    await fill(store, 'docs', 18);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the batches that finished when the embedder fails mid-way, and a re-run embeds only the rest', async () => {
    const failing = recordingEmbedder('m1', 3);
    const first = await embedChunks({ store: store.open('docs'), embedder: failing, concurrency: 1 });
    assert.equal(first.error?.code, 'PROVIDER_UNAVAILABLE');
    assert.equal(first.embedded, 8);
    assert.deepEqual([first.chunks, first.covered], [18, 8]);
    assert.equal(failing.calls.length, 3);

    const working = recordingEmbedder('m1');
    const second = await embedChunks({ store: store.open('docs'), embedder: working });
    assert.equal(second.error, undefined);
    assert.deepEqual([second.embedded, second.covered], [10, 18]);
    const firstTexts = new Set(failing.calls.slice(0, 2).flat());
    assert.equal(working.calls.flat().filter((text) => firstTexts.has(text)).length, 0);
    assert.equal(working.calls.flat().length, 10);

    const third = await embedChunks({ store: store.open('docs'), embedder: working });
    assert.deepEqual([third.embedded, working.calls.length], [0, 3]);
    const { rows, vectors } = await store.open('docs').embeddings.vectors('m1');
    assert.equal(rows.length, 18);
    assert.ok(vectors.every((vector) => vector.length === 3));
  });

  it('embeds everything once under a new model id, with requests in flight bounded by the concurrency', async () => {
    await embedChunks({ store: store.open('docs'), embedder: recordingEmbedder('m1') });
    let inFlight = 0;
    let most = 0;
    const slow = recordingEmbedder('m2');
    const embed = slow.embed.bind(slow);
    const bounded: Embedder = {
      ...slow,
      async embed(texts, options) {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight--;
        return embed(texts, options);
      },
    };
    const progress: number[] = [];
    const report = await embedChunks({ store: store.open('docs'), embedder: bounded, concurrency: 2, onProgress: (done) => progress.push(done) });
    assert.deepEqual([report.embedded, report.covered, most], [18, 18, 2]);
    assert.equal(progress.at(-1), 18);
    assert.deepEqual(slow.calls.map((call) => call.length).sort(), [2, 4, 4, 4, 4]);
  });

  it('rejects vectors of the wrong length or count and stores none of that batch', async () => {
    const ragged: Embedder = { ...recordingEmbedder('m3'), embed: (texts) => Promise.resolve(texts.map((_, index) => new Float32Array(index === 1 ? 2 : 3))) };
    const report = await embedChunks({ store: store.open('docs'), embedder: ragged, concurrency: 1 });
    assert.equal(report.error?.code, 'PROVIDER_BAD_RESPONSE');
    assert.equal(report.covered, 0);
  });
});
