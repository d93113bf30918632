import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { estimateCost } from './estimate-cost.js';

const close = (actual: number | null, expected: number): void => assert.ok(actual !== null && Math.abs(actual - expected) < 1e-12, `${actual}`);

describe('estimateCost', () => {
  it('bills uncached, cached, cache-write and output tokens at their own prices', () => {
    const usage = { inputTokens: 1_000, outputTokens: 200, cachedInputTokens: 800, cacheWriteTokens: 100 };
    // 100 uncached x 3 + 800 cached x 0.3 + 100 written x 3.75 + 200 out x 15, per million
    close(estimateCost(usage, { inputPerMTok: 3, outputPerMTok: 15, cachedInputPerMTok: 0.3, cacheWritePerMTok: 3.75 }), (300 + 240 + 375 + 3000) / 1e6);
    // Defaults: cached at the input price, writes at 1.25x.
    close(estimateCost(usage, { inputPerMTok: 2, outputPerMTok: 8 }), (100 * 2 + 800 * 2 + 100 * 2.5 + 200 * 8) / 1e6);
  });
  it('is null, not zero, for a model without a price', () => {
    assert.equal(estimateCost({ inputTokens: 5, outputTokens: 5, cachedInputTokens: 0, cacheWriteTokens: 0 }, undefined), null);
  });
});
