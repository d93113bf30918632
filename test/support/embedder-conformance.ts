import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Embedder } from '../../src/core/embedder.js';

/** Makes the embedder under test (after any server or model folder it needs exists). */
export type EmbedderFactory = () => Embedder;

const texts = ['restore a snapshot', 'rotate the api token', 'restore a snapshot', 'the port of the web interface', 'backup the data'];

/**
 * Registers the behaviour every {@link Embedder} must show: one unit vector per text in input order (different texts
 * differing, unless `contextual` is false), one length for all (and `dimensions` known after the first call), equal texts equal vectors, stable across calls and across batch
 * boundaries, an empty input gives an empty output, and a stable `id` that names the model.
 */
export function embedderConformance(name: string, create: EmbedderFactory, options: { readonly contextual?: boolean } = {}): void {
  describe(`Embedder conformance: ${name}`, () => {
    it('returns one unit vector per text, in order, all of one length', async () => {
      const embedder = create();
      const vectors = await embedder.embed(texts);
      assert.equal(vectors.length, texts.length);
      const length = vectors[0]?.length ?? 0;
      assert.ok(length > 0);
      for (const vector of vectors) {
        assert.equal(vector.length, length);
        assert.ok(Math.abs(Math.hypot(...vector) - 1) < 1e-4, 'L2-normalized');
      }
      assert.equal(embedder.dimensions, length);
      assert.deepEqual(vectors[0], vectors[2], 'equal texts, equal vectors');
      // A model without attention layers pooled at [CLS] gives every text the same vector: `contextual: false`.
      if (options.contextual !== false) assert.notDeepEqual(vectors[0], vectors[1]);
    });

    it('gives the same vectors whatever the batching, and nothing for no texts', async () => {
      const embedder = create();
      const together = await embedder.embed(texts);
      const alone = [];
      for (const text of texts) alone.push(...(await embedder.embed([text])));
      for (const [index, vector] of together.entries()) {
        const other = alone[index] ?? new Float32Array(0);
        assert.ok(vector.every((value, at) => Math.abs(value - (other[at] ?? 0)) < 1e-5), `text ${index}`);
      }
      assert.deepEqual(await embedder.embed([]), []);
    });

    it('has a stable id naming its model and a positive batch size', () => {
      const first = create();
      const second = create();
      assert.equal(first.id, second.id);
      assert.ok(first.id.length > 0);
      assert.ok(first.maxBatchSize >= 1);
      assert.ok(first.modelId.length > 0);
    });
  });
}
