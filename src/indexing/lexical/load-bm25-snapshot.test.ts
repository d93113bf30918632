import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isGroundedError } from '../../core/errors.js';
import type { AnalyzedChunk } from '../../core/lexical-index.js';
import { buildBm25Index } from './build-bm25-index.js';
import { countTerms } from './count-terms.js';
import { loadBm25Snapshot } from './load-bm25-snapshot.js';

const vocabulary = ['cat', 'dog', 'bird', 'fish', 'naïve', '東京', "don't", '3.5', 'x'];
const chunkArbitrary = fc.record({
  body: fc.array(fc.constantFrom(...vocabulary), { maxLength: 30 }),
  title: fc.array(fc.constantFrom(...vocabulary), { maxLength: 5 }),
});

describe('loadBm25Snapshot', () => {
  it('restores an index that scores exactly like the one it was taken from', () => {
    fc.assert(
      fc.property(fc.array(chunkArbitrary, { minLength: 1, maxLength: 40 }), fc.array(fc.constantFrom(...vocabulary, 'unknown'), { maxLength: 6 }), (chunks, query) => {
        const rows: AnalyzedChunk[] = chunks.map((chunk, index) => ({
          row: index * 7 + 3,
          body: countTerms(chunk.body),
          title: countTerms(chunk.title),
        }));
        const built = buildBm25Index(rows, { k1: 1.2, b: 0.75 });
        const loaded = loadBm25Snapshot(built.toSnapshot());
        assert.equal(loaded.size, built.size);
        assert.deepEqual(loaded.search(query, 10), built.search(query, 10));
        for (const term of [...vocabulary, 'unknown']) assert.equal(loaded.idf(term), built.idf(term));
      }),
      { numRuns: 100 },
    );
  });

  it('works from a copy at any byte offset, as SQLite hands blobs back', () => {
    const built = buildBm25Index([{ row: 1, body: countTerms(['cat', 'cat', 'dog']), title: countTerms(['pets']) }]);
    const bytes = built.toSnapshot();
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    const loaded = loadBm25Snapshot(shifted.subarray(3));
    assert.deepEqual(loaded.search(['cat'], 5), built.search(['cat'], 5));
  });

  it('refuses damaged or foreign bytes with STORE_CORRUPT', () => {
    const bytes = buildBm25Index([{ row: 1, body: countTerms(['cat']), title: countTerms([]) }]).toSnapshot();
    for (const bad of [new Uint8Array(0), new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]), bytes.subarray(0, bytes.length - 8)]) {
      assert.throws(() => loadBm25Snapshot(bad), (error: unknown) => isGroundedError(error, 'STORE_CORRUPT'));
    }
  });

  it('refuses a snapshot with any one byte changed, header or postings (scoring with garbage is never an option)', () => {
    const rows: AnalyzedChunk[] = ['cat dog', 'dog bird fish', 'fish x'].map((text, index) => ({
      row: index + 1,
      body: countTerms(text.split(' ')),
      title: countTerms(['pets']),
    }));
    const bytes = buildBm25Index(rows).toSnapshot();
    for (let position = 0; position < bytes.length; position += 1) {
      const damaged = Uint8Array.from(bytes);
      damaged[position] = (damaged[position] ?? 0) ^ 0x10;
      assert.throws(() => loadBm25Snapshot(damaged), (error: unknown) => isGroundedError(error, 'STORE_CORRUPT'), `byte ${position}`);
    }
  });
});
