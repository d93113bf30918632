import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { limitPerDocument } from './limit-per-document.js';

describe('limitPerDocument', () => {
  const docs = new Map([[1, 'a'], [2, 'a'], [3, 'a'], [4, 'b'], [5, 'a'], [6, 'c']]);
  const hits = [1, 2, 3, 4, 5, 6].map((row) => ({ row }));
  it('defers a document past its quota until the others had their turn, dropping nothing', () => {
    assert.deepEqual(limitPerDocument(hits, (row) => docs.get(row), 2).map((hit) => hit.row), [1, 2, 4, 6, 3, 5]);
    assert.deepEqual(limitPerDocument(hits, (row) => docs.get(row), 1).map((hit) => hit.row), [1, 4, 6, 2, 3, 5]);
    assert.deepEqual(limitPerDocument(hits, () => undefined, 1).map((hit) => hit.row), [1, 2, 3, 4, 5, 6]);
  });
});
