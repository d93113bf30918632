import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { normalizeText } from './normalize-text.js';

test('turns CRLF and lone CR into LF', () => {
  assert.equal(normalizeText('a\r\nb\rc\n\r\nd'), 'a\nb\nc\n\nd');
});

test('removes control characters except tab and line feed', () => {
  assert.equal(normalizeText('a\u0000b\u0007c\td\u001be\u007ff\u0085g\u009fh\ni'), 'abc\tdefgh\ni');
});

test('composes to NFC', () => {
  assert.equal(normalizeText('Cafe\u0301'), 'Café');
  assert.equal(normalizeText('Cafe\u0301').length, 4);
});

test('keeps everything else as in the source', () => {
  const text = '  # Title  \n\n\tcode  \n\u00a0non-breaking\u2028separator 🌍 ';
  assert.equal(normalizeText(text), text);
});

test('is idempotent', () => {
  // Weighted toward the characters the function touches, so the property is exercised where it can fail.
  const interesting = fc.constantFrom('\r', '\n', '\t', '\u0000', '\u0001', '\u0085', 'e', '\u0301', '\u0327', 'A', '\u1100', '\u1161', ' ');
  const character = fc.oneof(interesting, fc.string({ unit: 'grapheme', maxLength: 1 }), fc.string({ unit: 'binary', maxLength: 1 }));
  fc.assert(
    fc.property(fc.array(character, { maxLength: 40 }), (parts) => {
      const once = normalizeText(parts.join(''));
      assert.equal(normalizeText(once), once);
      assert.ok(!/[^\P{Cc}\t\n]/u.test(once), 'no control characters but tab and line feed');
    }),
    { numRuns: 2000 },
  );
});
