import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../config/load-config.js';
import type { Embedder } from '../core/embedder.js';
import { openKnowledgeBase } from './open-knowledge-base.js';
import { openDenseRetriever } from './open-dense-retriever.js';

/** Hashed bag of words, normalized: texts sharing words are close. */
function bagOfWordsEmbedder(dimensions = 512): Embedder {
  return {
    provider: 'fake',
    modelId: 'bag-of-words',
    id: `bag-of-words:${dimensions}`,
    dimensions,
    maxBatchSize: 16,
    embed(texts) {
      return Promise.resolve(
        texts.map((text) => {
          const vector = new Float32Array(dimensions);
          for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
            let hash = 2166136261;
            for (const char of word) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
            vector[(hash >>> 0) % dimensions] = (vector[(hash >>> 0) % dimensions] ?? 0) + 1;
          }
          const norm = Math.hypot(...vector) || 1;
          return vector.map((value) => value / norm);
        }),
      );
    },
  };
}

describe('openDenseRetriever with a persisted HNSW index', () => {
  const root = mkdtempSync(join(tmpdir(), 'grounded-hnsw-'));
  const docs = join(root, 'docs');
  const dataDir = join(root, 'data');
  const embedder = bagOfWordsEmbedder();
  const config = loadConfig({ cwd: root, env: {}, overrides: { dataDir, retrieval: { vectorIndex: 'hnsw' } } });
  const topics = ['volcano lava eruption', 'glacier ice melting', 'desert sand dunes', 'ocean tide waves', 'forest pine trees'];

  before(() => {
    mkdirSync(docs, { recursive: true });
    topics.forEach((topic, index) => writeFileSync(join(docs, `topic-${index}.md`), `# Topic ${index}\n\nAll about ${topic}. ${topic} again.\n`));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('builds on the first sync, loads when nothing changed, and reconciles added, updated and deleted chunks', async () => {
    const kb = openKnowledgeBase({ config, embedder });
    await kb.sync([docs]);
    const first = await openDenseRetriever({ store: kb.store, embedder, mode: 'hnsw', exactBelow: 0, dataDir });
    assert.equal(first.opened.kind, 'hnsw-loaded', 'the sync already built and saved the index');
    assert.equal(first.size, topics.length);
    assert.equal(readdirSync(join(dataDir, 'vectors')).filter((file) => file.endsWith('.hnsw')).length, 1);
    const lava = await kb.search('lava eruption', { preset: 'hybrid', k: 1 });
    assert.equal(lava[0]?.chunk.doc, 'topic-0.md');

    // Update one file, delete another, add a third.
    writeFileSync(join(docs, 'topic-1.md'), '# Topic 1\n\nAll about comets and asteroids.\n');
    rmSync(join(docs, 'topic-2.md'));
    writeFileSync(join(docs, 'topic-9.md'), '# Topic 9\n\nAll about coral reefs.\n');
    await kb.sync([docs]);
    const second = await openDenseRetriever({ store: kb.store, embedder, mode: 'hnsw', exactBelow: 0, dataDir });
    assert.equal(second.opened.kind, 'hnsw-loaded');
    assert.equal(second.size, topics.length);
    const rows = new Set((await kb.store.chunks.indexRows()).rows.map((row) => row.row));
    assert.deepEqual(new Set(second.index.rows()), rows, 'the index holds exactly the stored chunks');
    const [vector] = await embedder.embed(['comets asteroids'], { kind: 'query' });
    const hit = second.index.search(vector ?? new Float32Array(512), 1)[0];
    assert.equal((await kb.store.chunks.byRows([hit?.row ?? -1])).get(hit?.row ?? -1)?.doc, 'topic-1.md');
    const dunes = await kb.search('desert sand dunes', { preset: 'hybrid', k: 10 });
    assert.ok(dunes.every((result) => result.chunk.doc !== 'topic-2.md'), 'a deleted document never comes back');
    // A filter over the HNSW path: the allowed rows are scanned exactly, so the one allowed chunk comes back.
    const filtered = await kb.search('lava eruption', { preset: 'hybrid', k: 3, filter: { pathPrefixes: ['topic-4'] } });
    assert.deepEqual(filtered.map((result) => result.chunk.doc), ['topic-4.md']);
    await kb.close();
  });

  it('rebuilds from the stored vectors when the saved index is damaged', async () => {
    const kb = openKnowledgeBase({ config, embedder });
    const folder = join(dataDir, 'vectors');
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.usearch'))) writeFileSync(join(folder, file), 'garbage');
    const reopened = await openDenseRetriever({ store: kb.store, embedder, mode: 'hnsw', exactBelow: 0, dataDir });
    assert.equal(reopened.opened.kind, 'hnsw-built');
    assert.equal(reopened.size, (await kb.store.counts()).chunks);
    await kb.close();
  });
  it('rebuilds a graph damaged in the middle (same size and header) with a notice, instead of handing it to usearch', async () => {
    const kb = openKnowledgeBase({ config, embedder });
    const folder = join(dataDir, 'vectors');
    const graphs = () => readdirSync(folder).filter((name) => name.endsWith('.usearch'));
    const [graph] = graphs();
    assert.ok(graph !== undefined);
    const bytes = readFileSync(join(folder, graph));
    const middle = Math.floor(bytes.length / 2);
    bytes.fill(0xff, middle, middle + 64);
    writeFileSync(join(folder, graph), bytes);
    const notices: string[] = [];
    const reopened = await openDenseRetriever({ store: kb.store, embedder, mode: 'hnsw', exactBelow: 0, dataDir, onNotice: (notice) => notices.push(notice) });
    assert.equal(reopened.opened.kind, 'hnsw-built');
    assert.equal(notices.length, 1);
    assert.match(notices[0] ?? '', /saved HNSW index of 'default' was damaged \(.*checksum mismatch\); rebuilt it from the stored vectors/);
    assert.deepEqual(graphs().includes(graph), false, 'the damaged graph is replaced');
    const [vector] = await embedder.embed(['lava eruption'], { kind: 'query' });
    const hit = reopened.index.search(vector ?? new Float32Array(512), 1)[0];
    assert.equal((await kb.store.chunks.byRows([hit?.row ?? -1])).get(hit?.row ?? -1)?.doc, 'topic-0.md');
    const again = await openDenseRetriever({ store: kb.store, embedder, mode: 'hnsw', exactBelow: 0, dataDir, onNotice: (notice) => notices.push(notice) });
    assert.equal(again.opened.kind, 'hnsw-loaded');
    assert.equal(notices.length, 1, 'the rebuilt index was saved');
    await kb.close();
  });
});
