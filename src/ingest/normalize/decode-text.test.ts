import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeText } from './decode-text.js';
import { isGroundedError } from '../../core/errors.js';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

function decodeError(bytes: Uint8Array, path = 'docs/a.md'): { message: string; details: Record<string, unknown> } {
  try {
    decodeText(bytes, path);
  } catch (error) {
    assert.ok(isGroundedError(error, 'INVALID_DATA'), `expected INVALID_DATA, got ${String(error)}`);
    assert.equal(error.details.path, path);
    assert.ok(!error.message.includes('\n'), 'message is one line');
    assert.ok(error.hint);
    return { message: error.message, details: error.details };
  }
  assert.fail('decodeText did not throw');
}

test('decodes UTF-8 and keeps the text as is', () => {
  assert.equal(decodeText(encode('héllo\r\nwörld 🌍\n'), 'a.txt'), 'héllo\r\nwörld 🌍\n');
});

test('strips a leading byte order mark only', () => {
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encode('# Title\n')]);
  assert.equal(decodeText(bytes, 'a.md'), '# Title\n');
  assert.equal(decodeText(encode('a\uFEFFb'), 'a.md'), 'a\uFEFFb');
});

test('rejects a file with a NUL byte in its first 8,000 bytes as binary', () => {
  const bytes = encode(`${'x'.repeat(7999)}\u0000 and more`);
  assert.match(decodeError(bytes).message, /binary file, not text/);
});

test('does not look for NUL bytes past the first 8,000 bytes', () => {
  const text = `${'x'.repeat(8000)}\u0000`;
  assert.equal(decodeText(encode(text), 'a.txt'), text);
});

test('reports the byte offset of the first invalid UTF-8 byte', () => {
  const cases: [number[], number][] = [
    [[0x61, 0x62, 0xff, 0x63], 2], // a byte that never appears in UTF-8
    [[0x61, 0xc3, 0x28], 2], // lead byte followed by a non-continuation byte
    [[0x61, 0xc0, 0xaf], 1], // overlong encoding of '/'
    [[0xed, 0xa0, 0x80], 1], // UTF-16 surrogate
    [[0xf4, 0x90, 0x80, 0x80], 1], // above U+10FFFF
    [[0x61, 0xe2, 0x82], 3], // cut short by the end of the file
    [[...encode('é ok '), 0x80], 6], // stray continuation byte after valid multibyte text
  ];
  for (const [bytes, offset] of cases) {
    const { message, details } = decodeError(new Uint8Array(bytes));
    assert.match(message, new RegExp(`invalid UTF-8 at byte ${offset}$`), `bytes ${bytes.join(',')}`);
    assert.equal(details.byteOffset, offset);
  }
});

test('rejects a file with no visible content as empty', () => {
  for (const text of ['', '   \n\t\r\n', '\uFEFF', '\u0001\u0002\n']) {
    assert.equal(decodeError(encode(text)).message, 'empty file, no text content');
  }
});

test('decodes UTF-16 files by their byte order mark, little and big endian', () => {
  const text = 'Überblick: 50 ms 🌍\r\nzweite Zeile\n';
  const littleEndian = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const bigEndian = Buffer.from(littleEndian).swap16();
  assert.deepEqual([...bigEndian.subarray(0, 2)], [0xfe, 0xff]);
  assert.equal(decodeText(littleEndian, 'notes.txt'), text);
  assert.equal(decodeText(bigEndian, 'notes.txt'), text);
});

test('rejects UTF-16 that is cut short or holds a lone surrogate, and empty UTF-16', () => {
  const oddLength = new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42]);
  const loneSurrogate = new Uint8Array([0xfe, 0xff, 0x00, 0x41, 0xd8, 0x00, 0x00, 0x41]);
  assert.match(decodeError(oddLength).message, /^invalid UTF-16LE/);
  assert.match(decodeError(loneSurrogate).message, /^invalid UTF-16BE/);
  assert.equal(decodeError(Buffer.from([0xff, 0xfe, 0x20, 0x00, 0x0a, 0x00])).message, 'empty file, no text content');
});
