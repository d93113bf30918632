import { GroundedError } from '../../core/errors.js';
import type { FieldTerms } from '../../core/lexical-index.js';
import { EncodedFieldTerms } from './encoded-field-terms.js';

// Layout: the field length, then one line per distinct frequency: the frequency and the terms that
// have it, space-separated. Most terms occur once, so the count is written once per group rather
// than once per term. Decoding checks the layout in one pass and leaves the terms in the text
// until they are used (see EncodedFieldTerms).
//   "7\n1 cat sat mat\n2 dog"  =  { cat: 1, sat: 1, mat: 1, dog: 2 }, length 7
// Terms never hold whitespace in practice; a backslash escape keeps any term safe anyway.

/** Whether a term holds a space, a newline or a backslash: a loop over a short term is cheaper than a regex call. */
function needsEscape(term: string): boolean {
  for (let index = 0; index < term.length; index++) {
    const code = term.charCodeAt(index);
    if (code === 0x20 || code === 0x0a || code === 0x5c) return true;
  }
  return false;
}

function escapeTerm(term: string): string {
  if (term === '') return '\\e';
  if (!needsEscape(term)) return term;
  return term.replace(/\\/g, '\\\\').replace(/ /g, '\\s').replace(/\n/g, '\\n');
}

function corrupt(encoded: string): GroundedError {
  return new GroundedError('STORE_CORRUPT', 'stored field terms are not in the format encodeFieldTerms writes', {
    details: { sample: encoded.slice(0, 80) },
    hint: 'rebuild the index so that chunks are analyzed again',
  });
}

/**
 * Encodes a field's term frequencies as compact text for storage (one string per field per chunk).
 * Read it back with {@link decodeFieldTerms}. Any term survives, whitespace and backslashes included.
 *
 * @example
 * encodeFieldTerms({ terms: new Map([['cat', 2], ['sat', 1]]), length: 3 }); // '3\n1 sat\n2 cat'
 */
export function encodeFieldTerms(field: FieldTerms): string {
  // Terms kept in their encoded form (decoded from the store, or counted by countEncodedTerms) are written as they are.
  if (field instanceof EncodedFieldTerms) return field.encoded;
  // Groups by frequency in an array indexed by it: frequencies are small, and the array comes out sorted.
  const groups: string[][] = [];
  let large: Map<number, string[]> | undefined;
  for (const [term, count] of field.terms) {
    if (!(Number.isInteger(count) && count > 0)) {
      throw new GroundedError('INTERNAL', `term frequency must be a positive integer, got ${count}`, {
        details: { term, count },
        hint: 'build FieldTerms with countTerms()',
      });
    }
    const escaped = escapeTerm(term);
    if (count < 1024) {
      const group = groups[count];
      if (group === undefined) groups[count] = [escaped];
      else group.push(escaped);
    } else {
      large ??= new Map();
      const group = large.get(count);
      if (group === undefined) large.set(count, [escaped]);
      else group.push(escaped);
    }
  }
  // One join, not `+=`: a flat string, not a rope that its first reader would have to flatten.
  const lines = [String(field.length)];
  for (let count = 1; count < groups.length; count++) {
    const group = groups[count];
    if (group !== undefined) lines.push(`${count} ${group.join(' ')}`);
  }
  if (large !== undefined) {
    for (const count of [...large.keys()].sort((left, right) => left - right)) lines.push(`${count} ${(large.get(count) ?? []).join(' ')}`);
  }
  return lines.join('\n');
}

// The whole layout as one regular expression: V8 compiles it to native code, which checks a field
// several times faster than a JavaScript loop over its characters. It cannot backtrack badly: terms
// hold no spaces, so every character has one reading.
const TERM = String.raw`(?:[^ \n\\]|\\[\\sne])+`;
const LAYOUT = new RegExp(String.raw`^\d+(?:\n[1-9]\d* ${TERM}(?: ${TERM})*)*$`);

/**
 * Decodes text made by {@link encodeFieldTerms}. Fast: built to decode every chunk of an index when
 * a process starts. It checks the text at once (throwing `STORE_CORRUPT` on text it did not make)
 * but returns an {@link EncodedFieldTerms} that reads terms out only when they are used.
 *
 * @example
 * const field = decodeFieldTerms('3\n1 sat\n2 cat');
 * field.length; // 3
 * field.terms; // Map { 'sat' => 1, 'cat' => 2 }
 */
export function decodeFieldTerms(encoded: string): EncodedFieldTerms {
  if (!LAYOUT.test(encoded)) throw corrupt(encoded);
  const newline = encoded.indexOf('\n');
  const length = Number(newline < 0 ? encoded : encoded.slice(0, newline));
  if (!Number.isSafeInteger(length)) throw corrupt(encoded);
  return new EncodedFieldTerms(encoded, length);
}
