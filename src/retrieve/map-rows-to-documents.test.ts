import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mapRowsToDocuments } from './map-rows-to-documents.js';

describe('mapRowsToDocuments', () => {
  it('maps every chunk row to its document key', () => {
    const map = mapRowsToDocuments([
      { key: 'a.md', metadata: {}, rows: [1, 4] },
      { key: 'b.md', metadata: { tags: ['x'] }, rows: [2] },
      { key: 'empty.md', metadata: {}, rows: [] },
    ]);
    assert.deepEqual([...map].sort(([left], [right]) => left - right), [
      [1, 'a.md'],
      [2, 'b.md'],
      [4, 'a.md'],
    ]);
  });
});
