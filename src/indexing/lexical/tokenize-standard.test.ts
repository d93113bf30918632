import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { MAX_TOKEN_LENGTH, tokenizeStandard } from './tokenize-standard.js';

describe('tokenizeStandard', () => {
  it('splits words, lower-cases and drops punctuation', () => {
    assert.deepEqual(tokenizeStandard('Hello, World! (BM25) -- IL-6'), ['hello', 'world', 'bm25', 'il', '6']);
  });

  it('keeps internal apostrophes and dots, as UAX#29 does', () => {
    assert.deepEqual(tokenizeStandard("don't O'Neil 3.5 1,000 U.S.A. e.g."), [
      "don't",
      "o'neil",
      '3.5',
      '1,000',
      'u.s.a',
      'e.g',
    ]);
    assert.deepEqual(tokenizeStandard('don’t'), ['don’t']);
  });

  it('splits doubled or trailing joiners and mixed letter-digit joins', () => {
    assert.deepEqual(tokenizeStandard("3..5 end. 'quoted' a1.b dogs'"), ['3', '5', 'end', 'quoted', 'a1', 'b', 'dogs']);
  });

  it('removes the English possessive', () => {
    assert.deepEqual(tokenizeStandard("The King's men; James’s"), ['the', 'king', 'men', 'james']);
  });

  it('joins with underscores and splits on colons and hyphens', () => {
    assert.deepEqual(tokenizeStandard('snake_case title:foo state-of-the-art'), [
      'snake_case',
      'title',
      'foo',
      'state',
      'of',
      'the',
      'art',
    ]);
  });

  it('makes each CJK ideograph, kana and hangul syllable its own token', () => {
    assert.deepEqual(tokenizeStandard('abc中文 ひら 한국'), ['abc', '中', '文', 'ひ', 'ら', '한', '국']);
  });

  it('keeps accents, normalizes to NFC and drops invisible format characters', () => {
    assert.deepEqual(tokenizeStandard('Café cafe\u0301 co\u00ADoperate Ünïcode'), ['café', 'café', 'cooperate', 'ünïcode']);
  });

  it('drops emoji, symbols and lone surrogates, and reads astral letters', () => {
    assert.deepEqual(tokenizeStandard('👍🏽 hi👨‍👩‍👧there \uD800x\uDC00 𠀀 ★'), ['hi', 'there', 'x', '𠀀']);
  });

  it(`drops tokens longer than ${MAX_TOKEN_LENGTH} characters`, () => {
    const long = 'a'.repeat(MAX_TOKEN_LENGTH + 1);
    const limit = 'b'.repeat(MAX_TOKEN_LENGTH);
    assert.deepEqual(tokenizeStandard(`x ${long} ${limit} y`), ['x', limit, 'y']);
  });

  it('returns nothing for text without words', () => {
    assert.deepEqual(tokenizeStandard(''), []);
    assert.deepEqual(tokenizeStandard('  *** () "" :: 🎉 '), []);
  });

  it('yields non-empty, bounded, whitespace-free lower-case tokens for any string', () => {
    const anyText = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.string({ unit: fc.constantFrom(...'aZ9 .\'’,_-:é\u0301\u00AD中👍\uD800\uDC00'), maxLength: 200 }),
    );
    fc.assert(
      fc.property(anyText, (text) => {
        for (const token of tokenizeStandard(text)) {
          assert.ok(token.length > 0 && token.length <= MAX_TOKEN_LENGTH, `bad length: ${JSON.stringify(token)}`);
          assert.ok(!/\s/u.test(token), `whitespace in ${JSON.stringify(token)}`);
          assert.equal(token, token.toLowerCase());
          assert.ok(!/^[.,;'’_]|[.,;'’_]$/u.test(token), `joiner at an end: ${JSON.stringify(token)}`);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('finds every ASCII word of plain space-separated text', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z0-9]{1,12}$/), { maxLength: 30 }), (words) => {
        assert.deepEqual(tokenizeStandard(words.join(' ')), words);
      }),
    );
  });

  it('handles 10,000 characters of mixed text', () => {
    const text = 'Wörds, 3.5% "quoted" AND/OR (x*) 👍 中文 '.repeat(250);
    const tokens = tokenizeStandard(text);
    assert.equal(tokens.length, 250 * 8);
    assert.deepEqual(tokens.slice(0, 9), ['wörds', '3.5', 'quoted', 'and', 'or', 'x', '中', '文', 'wörds']);
  });
});
