import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Citation } from '../../core/answer.js';
import { lexicalFaithfulness } from './lexical-faithfulness.js';

const cite = (n: number, quote: string): Citation => ({ n, doc: 'a.md', start: 0, end: quote.length, quote, chunkId: 'c' });
const buffering = cite(1, 'Threshold in bytes from which the request will be buffered on disk instead of in memory.');

describe('lexicalFaithfulness', () => {
  it('supports an extractive sentence and counts markers after the period for that sentence', () => {
    assert.equal(lexicalFaithfulness('The request will be buffered on disk. [1]', [buffering]), 1);
    assert.equal(lexicalFaithfulness('The request will be buffered on disk [1].', [buffering]), 1);
  });
  it('stems, so inflected words still match', () => {
    assert.equal(lexicalFaithfulness('Requests are buffered to disk. [1]', [buffering]), 1);
  });
  it('applies the 60% threshold to content tokens', () => {
    // content tokens: request, buffer, disk (3 in the quote) + gzip, compress (2 not): 3/5 = 0.6 -> supported
    assert.equal(lexicalFaithfulness('Requests are buffered on disk with gzip compression. [1]', [buffering]), 1);
    // one more unsupported token: 3/6 = 0.5 -> not supported
    assert.equal(lexicalFaithfulness('Requests are buffered on disk with gzip compression quickly. [1]', [buffering]), 0);
  });
  it('requires a marker that maps to a provided citation', () => {
    assert.equal(lexicalFaithfulness('The request will be buffered on disk.', [buffering]), 0);
    assert.equal(lexicalFaithfulness('The request will be buffered on disk. [2]', [buffering]), 0);
  });
  it('returns the supported share over sentences', () => {
    const answer = 'The request will be buffered on disk. [1] Kubernetes schedules pods. [1] Memory holds it otherwise. [1]';
    // sentence 3: memory (in quote), hold, otherwise -> 1/3, unsupported
    assert.equal(lexicalFaithfulness(answer, [buffering]), 1 / 3);
  });
  it('reads the quotes of every cited marker, including [1, 2] lists', () => {
    const gzip = cite(2, 'Compression uses gzip.');
    assert.equal(lexicalFaithfulness('Requests are buffered on disk, compressed with gzip [1][2].', [buffering, gzip]), 1);
    assert.equal(lexicalFaithfulness('Requests are buffered on disk, compressed with gzip [1, 2].', [buffering, gzip]), 1);
  });
  it('a sentence of stop words only is supported when it cites a citation', () => {
    assert.equal(lexicalFaithfulness('Yes, it is. [1]', [buffering]), 1);
  });
  it('null for an empty answer (abstentions are passed as empty)', () => {
    assert.equal(lexicalFaithfulness('', [buffering]), null);
    assert.equal(lexicalFaithfulness('   \n', []), null);
  });
  it('0 when the answer has text but there are no citations', () => {
    assert.equal(lexicalFaithfulness('The request will be buffered on disk. [1]', []), 0);
  });
});
