import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isGroundedError } from '../../core/errors.js';
import type { DocumentRows } from '../../core/store/chunk-reader.js';
import { allowedRows } from './allowed-rows.js';

const documents: DocumentRows[] = [
  { key: 'guides/install.md', metadata: { tags: ['Setup', 'linux'], date: '2024-03-01' }, rows: [1, 2] },
  { key: 'guides/upgrade.md', metadata: { tags: 'setup, migration', updated: '2025-07-15T10:00:00Z', date: '2023-01-01' }, rows: [3] },
  { key: 'reference/api.md', metadata: { keywords: ['api'] }, rows: [4, 5] },
];
const sorted = (rows: Set<number>): number[] => [...rows].sort((a, b) => a - b);

describe('allowedRows', () => {
  it('keeps documents under any of the path prefixes', () => {
    assert.deepEqual(sorted(allowedRows(documents, { pathPrefixes: ['guides/'] })), [1, 2, 3]);
    assert.deepEqual(sorted(allowedRows(documents, { pathPrefixes: ['reference/', 'guides/up'] })), [3, 4, 5]);
  });

  it('needs every tag, case-insensitive, from tags lists, comma strings and keywords', () => {
    assert.deepEqual(sorted(allowedRows(documents, { tags: ['setup'] })), [1, 2, 3]);
    assert.deepEqual(sorted(allowedRows(documents, { tags: ['SETUP', 'migration'] })), [3]);
    assert.deepEqual(sorted(allowedRows(documents, { tags: ['api'] })), [4, 5]);
  });

  it('compares the first present date field, leaving undated documents out', () => {
    // upgrade.md is dated by `updated` (2025), not by its older `date`.
    assert.deepEqual(sorted(allowedRows(documents, { after: '2025-01-01' })), [3]);
    assert.deepEqual(sorted(allowedRows(documents, { before: '2025-01-01' })), [1, 2]);
    assert.deepEqual(sorted(allowedRows(documents, { after: '2024-03-01', before: '2024-03-02' })), [1, 2]);
  });

  it('combines conditions, and rejects a date it cannot read', () => {
    assert.deepEqual(sorted(allowedRows(documents, { pathPrefixes: ['guides/'], tags: ['linux'], after: '2024-01-01' })), [1, 2]);
    assert.deepEqual(sorted(allowedRows(documents, {})), [1, 2, 3, 4, 5]);
    assert.throws(() => allowedRows(documents, { after: 'last tuesday' }), (error: unknown) => isGroundedError(error, 'INVALID_ARGUMENT'));
  });
});
