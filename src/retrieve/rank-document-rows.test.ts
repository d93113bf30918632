import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rankDocumentRows } from './rank-document-rows.js';

describe('rankDocumentRows', () => {
  const documentOf = new Map([
    [1, 'a'],
    [2, 'b'],
    [3, 'a'],
    [4, 'c'],
  ]);
  const hits = [3, 2, 9, 1, 4].map((row, rank) => ({ row, score: 10 - rank }));

  it('ranks each document by its best row, skipping rows the map does not hold', () => {
    assert.deepEqual(rankDocumentRows(hits, documentOf, 10), ['a', 'b', 'c']);
  });

  it('stops at k documents', () => {
    assert.deepEqual(rankDocumentRows(hits, documentOf, 2), ['a', 'b']);
    assert.deepEqual(rankDocumentRows(hits, documentOf, 0), []);
  });
});
