import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answer, assertCitationsExact, chunkOf, compressEnabling, documents, scored, type TestDocument } from '../../test/support/extractive-answer-fixtures.js';

describe('extractiveAnswer as a reader', () => {
  const bufferingDoc: TestDocument = {
    key: 'middlewares/buffering.md',
    title: 'Buffering',
    text: [
      '# Buffering',
      '',
      'The buffering middleware reads the whole request body before it is forwarded.',
      '',
      '| Field | Description | Default | Required |',
      '|:------|:------------|:--------|:---------|',
      '| `maxRequestBodyBytes` | Largest request body accepted, in bytes. | 0 | No |',
      '| `memRequestBodyBytes` | Threshold (in bytes) from which the request will be buffered on disk instead of in memory. | 1048576 | No |',
      '',
      'Buffering applies to requests and responses alike.',
    ].join('\n'),
  };
  documents.set(bufferingDoc.key, bufferingDoc);
  const table = chunkOf(bufferingDoc, 0, bufferingDoc.text, ['Buffering']);

  it('reads a table row under its header and quotes the row exactly', () => {
    const passages = scored(table);
    const result = answer('Above what size is a request buffered on disk instead of in memory by default?', passages, 1);
    assertCitationsExact(result, passages);
    assert.match(result.citations[0]?.quote ?? '', /^\| `memRequestBodyBytes` \|.*\| 1048576 \| No \|$/);
    assert.match(result.answer, /Default: 1048576; Required: No \[1\]$/);
    assert.match(result.answer, /^Field: memRequestBodyBytes; Description: Threshold/);
  });

  it('prefers the unit holding the kind of value asked for', () => {
    const passages = scored(compressEnabling);
    // Both sentences name "responses"; only one holds a size.
    const result = answer('How small must responses be to stay uncompressed, in bytes?', passages, 1);
    assert.equal(result.citations[0]?.quote, 'Responses smaller than 1024 bytes are never compressed.');
  });
});
