import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mrrAtK } from './mrr-at-k.js';
import { ndcgAtK } from './ndcg-at-k.js';
import { percentile } from './percentile.js';
import { recallAtK } from './recall-at-k.js';

const close = (actual: number, expected: number): void => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} != ${expected}`);

describe('ndcgAtK', () => {
  it('matches a hand-computed binary case', () => {
    // DCG = 1/log2(2) + 1/log2(4) = 1.5; IDCG = 1 + 1/log2(3) = 1.63093
    close(ndcgAtK(['a', 'x', 'b'], new Map([['a', 1], ['b', 1]]), 10), 1.5 / (1 + 1 / Math.log2(3)));
  });
  it('uses grades as linear gains, as trec_eval does', () => {
    // ranking b(1), a(2): DCG = 1 + 2/log2(3); ideal a(2), b(1): 2 + 1/log2(3)
    const relevance = new Map([['a', 2], ['b', 1]]);
    close(ndcgAtK(['b', 'a'], relevance, 10), (1 + 2 / Math.log2(3)) / (2 + 1 / Math.log2(3)));
    close(ndcgAtK(['a', 'b'], relevance, 10), 1);
  });
  it('cuts at k and ignores repeated ids', () => {
    close(ndcgAtK(['x', 'x', 'a'], new Map([['a', 1]]), 2), 1 / Math.log2(3));
    assert.equal(ndcgAtK(['x', 'y', 'a'], new Map([['a', 1]]), 2), 0);
  });
  it('is 0 with no relevant documents or an empty ranking', () => {
    assert.equal(ndcgAtK(['a'], new Map(), 10), 0);
    assert.equal(ndcgAtK([], new Map([['a', 1]]), 10), 0);
  });
});

describe('recallAtK and mrrAtK', () => {
  it('recall counts relevant documents in the top k', () => {
    close(recallAtK(['a', 'x', 'b'], new Map([['a', 1], ['b', 1], ['c', 1]]), 2), 1 / 3);
    close(recallAtK(['a', 'x', 'b'], new Map([['a', 1], ['b', 1], ['c', 1]]), 3), 2 / 3);
    assert.equal(recallAtK(['a'], new Map(), 5), 0);
  });
  it('mrr is the reciprocal rank of the first relevant document within k', () => {
    close(mrrAtK(['x', 'a', 'b'], new Map([['a', 1], ['b', 1]]), 10), 0.5);
    assert.equal(mrrAtK(['x', 'y', 'a'], new Map([['a', 1]]), 2), 0);
    close(mrrAtK(['x', 'x', 'a'], new Map([['a', 1]]), 2), 0.5);
  });
});

describe('percentile', () => {
  it('interpolates linearly between ranks', () => {
    close(percentile([4, 1, 3, 2], 50), 2.5);
    close(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 95), 10.5);
    assert.equal(percentile([], 95), 0);
    assert.equal(percentile([7], 95), 7);
  });
});
