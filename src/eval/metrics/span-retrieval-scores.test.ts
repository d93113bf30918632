import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { spanRetrievalScores } from './span-retrieval-scores.js';
import { spansOverlap } from './spans-overlap.js';

const close = (actual: number, expected: number): void => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} != ${expected}`);
const span = (doc: string, start: number, end: number) => ({ doc, start, end });
const miss = span('other.md', 0, 100);

describe('spansOverlap', () => {
  it('needs the same document and at least one shared character', () => {
    assert.equal(spansOverlap(span('a', 0, 10), span('a', 9, 20)), true);
    assert.equal(spansOverlap(span('a', 0, 10), span('a', 10, 20)), false);
    assert.equal(spansOverlap(span('a', 0, 10), span('b', 0, 10)), false);
    assert.equal(spansOverlap(span('a', 5, 6), span('a', 0, 100)), true);
  });
});

describe('spanRetrievalScores', () => {
  it('scores one evidence span found at rank 2', () => {
    const scores = spanRetrievalScores([miss, span('a.md', 100, 200), miss], [span('a.md', 150, 180)]);
    assert.deepEqual(scores.relevant, [false, true, false]);
    assert.equal(scores.recallAt1, 0);
    assert.equal(scores.recallAt5, 1);
    assert.equal(scores.recallAt10, 1);
    close(scores.mrrAt10, 0.5);
    close(scores.ndcgAt10, 1 / Math.log2(3));
  });
  it('counts only rank 10 and above', () => {
    const eleven = [...Array.from({ length: 10 }, () => miss), span('a.md', 0, 10)];
    const scores = spanRetrievalScores(eleven, [span('a.md', 0, 5)]);
    assert.deepEqual([scores.recallAt10, scores.mrrAt10, scores.ndcgAt10], [0, 0, 0]);
    assert.equal(scores.relevant[10], true);
  });
  it('synthesis: recall is the share of sources found, nDCG counts each source once', () => {
    const evidence = [span('a.md', 0, 50), span('b.md', 0, 50), span('c.md', 0, 50)];
    // ranks: 1 a, 2 a again (no new source), 3 b; c never found
    const scores = spanRetrievalScores([span('a.md', 0, 20), span('a.md', 20, 40), span('b.md', 10, 30)], evidence);
    close(scores.recallAt1, 1 / 3);
    close(scores.recallAt5, 2 / 3);
    close(scores.mrrAt10, 1);
    // DCG = 1 + 1/log2(4) = 1.5; ideal: 3 gains at ranks 1..3 = 1 + 1/log2(3) + 0.5
    close(scores.ndcgAt10, 1.5 / (1 + 1 / Math.log2(3) + 0.5));
    assert.deepEqual(scores.relevant, [true, true, true]);
  });
  it('ten chunks of one of two sources do not inflate nDCG', () => {
    const chunks = Array.from({ length: 10 }, (_, index) => span('a.md', index * 10, index * 10 + 10));
    const scores = spanRetrievalScores(chunks, [span('a.md', 0, 100), span('b.md', 0, 10)]);
    close(scores.ndcgAt10, 1 / (1 + 1 / Math.log2(3)));
    close(scores.recallAt10, 0.5);
  });
  it('is perfect when every source is found at the top', () => {
    const scores = spanRetrievalScores([span('a.md', 0, 10), span('b.md', 0, 10)], [span('b.md', 5, 6), span('a.md', 0, 1)]);
    assert.deepEqual([scores.recallAt1, scores.recallAt5, scores.mrrAt10, scores.ndcgAt10], [0.5, 1, 1, 1]);
  });
  it('no evidence gives all zeros; nothing retrieved gives zeros too', () => {
    assert.deepEqual(spanRetrievalScores([span('a.md', 0, 10)], []), {
      recallAt1: 0, recallAt5: 0, recallAt10: 0, mrrAt10: 0, ndcgAt10: 0, relevant: [false],
    });
    assert.deepEqual(spanRetrievalScores([], [span('a.md', 0, 10)]), {
      recallAt1: 0, recallAt5: 0, recallAt10: 0, mrrAt10: 0, ndcgAt10: 0, relevant: [],
    });
  });
});
