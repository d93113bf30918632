import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Reranker } from '../../src/core/reranker.js';

/** Makes the reranker under test (after any server or model folder it needs exists). */
export type RerankerFactory = () => Reranker;

const query = 'restore the snapshot';
const passages = ['restore a snapshot from backup', 'rotate the api token', 'the web port', 'snapshot restore steps', 'backup data'];

/**
 * Registers the behaviour every {@link Reranker} must show: one finite score per passage in input order, the same
 * score for a passage whatever else is in the request or how it is batched, a repeated passage scored the same,
 * nothing for no passages, and a stable `id`.
 */
export function rerankerConformance(name: string, create: RerankerFactory): void {
  describe(`Reranker conformance: ${name}`, () => {
    it('scores every passage, in input order, independently of the others', async () => {
      const reranker = create();
      const scores = await reranker.rerank(query, passages);
      assert.equal(scores.length, passages.length);
      assert.ok(scores.every((score) => Number.isFinite(score)));
      const reversed = await reranker.rerank(query, [...passages].reverse());
      assert.deepEqual(reversed, [...scores].reverse());
      for (const [index, passage] of passages.entries()) {
        const [alone] = await reranker.rerank(query, [passage]);
        assert.ok(Math.abs((alone ?? Number.NaN) - (scores[index] ?? 0)) < 1e-5, `passage ${index} alone`);
      }
      const twice = await reranker.rerank(query, [passages[0] ?? '', passages[0] ?? '']);
      assert.equal(twice[0], twice[1]);
      assert.deepEqual(await reranker.rerank(query, []), []);
    });

    it('has a stable id and a positive batch size', () => {
      assert.equal(create().id, create().id);
      assert.ok(create().maxBatchSize >= 1);
    });
  });
}
