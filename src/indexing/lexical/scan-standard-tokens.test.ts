import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ASCII_WORD, IDEOGRAPH_TOKEN, scanStandardTokens, WORD, WORD_WITH_FORMAT } from './scan-standard-tokens.js';

describe('scanStandardTokens', () => {
  it('reports each token by its bounds and kind, without the possessive or case handled yet', () => {
    const text = "The King's café, IL-6 中 a\u00ADb";
    const spans: [string, number][] = [];
    scanStandardTokens(text, (start, end, kind) => spans.push([text.slice(start, end), kind]));
    assert.deepEqual(spans, [
      ['The', ASCII_WORD],
      ["King's", ASCII_WORD],
      ['café', WORD],
      ['IL', ASCII_WORD],
      ['6', ASCII_WORD],
      ['中', IDEOGRAPH_TOKEN],
      ['a\u00ADb', WORD_WITH_FORMAT],
    ]);
  });

  it('skips tokens over the length limit', () => {
    let count = 0;
    scanStandardTokens(`${'x'.repeat(256)} ok`, () => count++);
    assert.equal(count, 1);
  });
});
