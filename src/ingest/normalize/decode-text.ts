import { GroundedError } from '../../core/errors.js';

/** How many leading bytes are searched for a NUL byte to tell binary files from text (Git uses the same figure). */
export const BINARY_SNIFF_BYTES = 8000;

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** UTF-16 files name their byte order with a leading byte order mark (Windows Notepad's "Unicode" saves them so). */
const utf16Encodings = [
  { bom: [0xff, 0xfe], label: 'utf-16le' },
  { bom: [0xfe, 0xff], label: 'utf-16be' },
] as const;

/**
 * Decodes a file's bytes as strict UTF-8, dropping a leading byte order mark. A file that starts with a UTF-16 byte
 * order mark (`FF FE` little endian, `FE FF` big endian) is decoded as strict UTF-16 in that byte order instead.
 *
 * Throws `GroundedError('INVALID_DATA')` (with `details.path`) when the file is binary (a NUL byte in its
 * first 8,000 bytes of a UTF-8 file), is not valid UTF-8 (the message gives the byte offset of the first bad byte) or
 * UTF-16 (an odd number of bytes, a lone surrogate), or has no
 * visible content (only whitespace or control characters). Messages leave the path out (it is in
 * `details.path`) because callers report them next to the path. The text is otherwise returned as is; see
 * `normalizeText` for line ends and Unicode normalization.
 *
 * @example
 * const text = decodeText(await readFile('docs/intro.md'), 'docs/intro.md');
 */
export function decodeText(bytes: Uint8Array, relativePath: string): string {
  const utf16 = utf16Encodings.find(({ bom }) => bytes[0] === bom[0] && bytes[1] === bom[1]);
  const text = utf16 === undefined ? decodeUtf8(bytes, relativePath) : decodeUtf16(bytes, utf16.label, relativePath);
  // Control characters count as blank: normalizeText removes them, which would leave nothing.
  if (!/[^\s\p{Cc}]/u.test(text)) {
    throw new GroundedError('INVALID_DATA', 'empty file, no text content', {
      details: { path: relativePath },
      hint: 'add content to the file or leave it out with --exclude',
    });
  }
  return text;
}

function decodeUtf16(bytes: Uint8Array, label: 'utf-16le' | 'utf-16be', relativePath: string): string {
  try {
    // The decoder strips the byte order mark itself (ignoreBOM: false); an odd length or a lone surrogate throws.
    return new TextDecoder(label, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (error) {
    throw new GroundedError('INVALID_DATA', `invalid ${label.toUpperCase()} (it starts with a UTF-16 byte order mark)`, {
      details: { path: relativePath },
      hint: 'save the file as UTF-8 (e.g. `iconv -f utf-16 -t utf-8`), or leave it out with --exclude',
      cause: error,
    });
  }
}

function decodeUtf8(bytes: Uint8Array, relativePath: string): string {
  const sniffLength = Math.min(bytes.length, BINARY_SNIFF_BYTES);
  for (let index = 0; index < sniffLength; index++) {
    if (bytes[index] === 0) {
      throw new GroundedError('INVALID_DATA', 'binary file, not text', {
        details: { path: relativePath },
        hint: 'remove the file from the input or leave it out with --exclude',
      });
    }
  }
  try {
    // The decoder strips a leading BOM itself (ignoreBOM: false).
    return strictDecoder.decode(bytes);
  } catch (error) {
    const offset = firstInvalidUtf8Offset(bytes);
    throw new GroundedError('INVALID_DATA', `invalid UTF-8 at byte ${offset}`, {
      details: { path: relativePath, byteOffset: offset },
      hint: 'save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`), or leave it out with --exclude',
      cause: error,
    });
  }
}

/**
 * Offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, no surrogates, nothing above
 * U+10FFFF), or `bytes.length` when a sequence is cut short by the end of the input.
 */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] ?? 0;
    if (lead < 0x80) {
      index++;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return index;
    for (let continuation = 1; continuation < length; continuation++) {
      const position = index + continuation;
      if (position >= bytes.length) return position;
      const byte = bytes[position] ?? 0;
      // Only the first continuation byte has a narrowed range.
      const min = continuation === 1 ? low : 0x80;
      const max = continuation === 1 ? high : 0xbf;
      if (byte < min || byte > max) return position;
    }
    index += length;
  }
  return bytes.length;
}
