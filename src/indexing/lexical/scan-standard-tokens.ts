/** Longest token kept, in UTF-16 code units (Lucene's StandardTokenizer default `maxTokenLength`). */
export const MAX_TOKEN_LENGTH = 255;

// Character classes, after UAX#29 word-break properties as Lucene's StandardTokenizer uses them.
const UNKNOWN = 0;
const OTHER = 1; // breaks words and is dropped (space, punctuation, symbols, emoji, lone surrogates)
const LETTER = 2; // ALetter: \p{L} and non-decimal \p{N} outside the CJK scripts
const DIGIT = 3; // Numeric: \p{Nd}
const MARK = 4; // Extend: combining marks stick to the character before them
const FORMAT = 5; // Format and emoji variation selectors: invisible, skipped and removed from the token
const IDEOGRAPH = 6; // Han, Hiragana, Katakana, Hangul: one token per character
const MID_LETTER = 7; // joins letter·letter (middle dot)
const MID_NUM_LET = 8; // joins letter·letter and digit·digit (. ' ’)
const MID_NUM = 9; // joins digit·digit (, ;)
const CONNECTOR = 10; // ExtendNumLet (_): joins any word characters

const MID_LETTER_CHARS = '\u00B7\u0387\u05F4\u2027';
const MID_NUM_LET_CHARS = '\u0027\u002E\u2018\u2019\u2024\uFE52\uFF07\uFF0E';
const MID_NUM_CHARS =
  '\u002C\u003B\u037E\u0589\u060C\u060D\u066C\u07F8\u2044\uFE10\uFE14\uFE50\uFE54\uFF0C\uFF1B';

const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u;
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
const DECIMAL_DIGIT = /^\p{Nd}$/u;
const COMBINING_MARK = /^\p{M}$/u;
const FORMAT_CHAR = /^\p{Cf}$/u;
const CONNECTOR_PUNCTUATION = /^\p{Pc}$/u;
const VARIATION_SELECTOR = /^[\uFE00-\uFE0F\u20E3\u{E0100}-\u{E01EF}]$/u;

function classifyCodePoint(codePoint: number): number {
  const char = String.fromCodePoint(codePoint);
  if (MID_NUM_LET_CHARS.includes(char)) return MID_NUM_LET;
  if (MID_LETTER_CHARS.includes(char)) return MID_LETTER;
  if (MID_NUM_CHARS.includes(char)) return MID_NUM;
  if (LETTER_OR_NUMBER.test(char)) {
    if (CJK.test(char)) return IDEOGRAPH;
    return DECIMAL_DIGIT.test(char) ? DIGIT : LETTER;
  }
  if (VARIATION_SELECTOR.test(char)) return FORMAT;
  if (COMBINING_MARK.test(char)) return MARK;
  if (FORMAT_CHAR.test(char)) return FORMAT;
  if (CONNECTOR_PUNCTUATION.test(char)) return CONNECTOR;
  return OTHER;
}

// Classes of the Basic Multilingual Plane, filled on first sight: the regexes above cost about a
// microsecond each, a table lookup a nanosecond. Surrogate halves are OTHER unless paired.
const bmpClasses = new Uint8Array(0x10000);
for (let code = 0xd800; code < 0xe000; code++) bmpClasses[code] = OTHER;
const astralClasses = new Map<number, number>();
const ASCII_CLASSES = new Uint8Array(0x80);
for (let code = 0; code < 0x80; code++) ASCII_CLASSES[code] = classifyCodePoint(code);

function classAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code >= 0xd800 && code < 0xdc00 && index + 1 < text.length) {
    const low = text.charCodeAt(index + 1);
    if (low >= 0xdc00 && low < 0xe000) {
      const codePoint = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
      let found = astralClasses.get(codePoint);
      if (found === undefined) {
        found = classifyCodePoint(codePoint);
        astralClasses.set(codePoint, found);
      }
      return found;
    }
  }
  const known = bmpClasses[code] ?? UNKNOWN;
  if (known !== UNKNOWN) return known;
  const found = classifyCodePoint(code);
  bmpClasses[code] = found;
  return found;
}

function widthAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code >= 0xd800 && code < 0xdc00 && index + 1 < text.length) {
    const low = text.charCodeAt(index + 1);
    if (low >= 0xdc00 && low < 0xe000) return 2;
  }
  return 1;
}

function isWordClass(cls: number): boolean {
  return cls === LETTER || cls === DIGIT;
}

/** Whether a joiner of class `joiner` between a `before` and an `after` character keeps them in one word. */
function joins(joiner: number, before: number, after: number): boolean {
  switch (joiner) {
    case MID_LETTER:
      return before === LETTER && after === LETTER;
    case MID_NUM_LET:
      return (before === LETTER && after === LETTER) || (before === DIGIT && after === DIGIT);
    case MID_NUM:
      return before === DIGIT && after === DIGIT;
    case CONNECTOR:
      return isWordClass(after);
    default:
      return false;
  }
}

/**
 * Index of the first word character after the joiner at `index`, or -1 when it does not join.
 * Runs of connectors (`a__b`) join; the other joiners join only as a single character (`3.5`, not `3..5`).
 * Invisible format characters around a joiner are skipped, as UAX#29 rule WB4 does.
 */
function skipJoiner(text: string, index: number, joiner: number, before: number): number {
  let next = index + widthAt(text, index);
  while (next < text.length) {
    const after = classAt(text, next);
    if (after === FORMAT || (joiner === CONNECTOR && after === CONNECTOR)) {
      next += widthAt(text, next);
      continue;
    }
    return joins(joiner, before, after) ? next : -1;
  }
  return -1;
}

/** How a scanned token becomes a term: kept as it is (an ideograph), lower-cased (ASCII), or also NFC-normalized. */
export type StandardTokenKind = 0 | 1 | 2 | 3;
/** One Han ideograph, kana or Hangul syllable: the token is the character itself. */
export const IDEOGRAPH_TOKEN = 0;
/** A word of ASCII characters only: lower-casing is all it needs. */
export const ASCII_WORD = 1;
/** A word with non-ASCII characters: lower-cased and NFC-normalized. */
export const WORD = 2;
/** A non-ASCII word holding invisible format characters, removed before normalizing. */
export const WORD_WITH_FORMAT = 3;

/**
 * The word scanner behind `tokenizeStandard`: calls `visit` with the bounds of each token, in order, without making
 * a string, so an analyzer can look a known token up before it pays for slicing, lower-casing and stemming it.
 * Tokens longer than {@link MAX_TOKEN_LENGTH} are skipped. The rules are those `tokenizeStandard` documents.
 *
 * @example
 * scanStandardTokens('IL-6 中', (start, end, kind) => console.log(start, end, kind)); // 0 2 1, 3 4 1, 5 6 0
 */
export function scanStandardTokens(text: string, visit: (start: number, end: number, kind: StandardTokenKind) => void): void {
  const length = text.length;
  let index = 0;
  while (index < length) {
    const cls = classAt(text, index);
    const width = widthAt(text, index);
    if (cls === IDEOGRAPH) {
      visit(index, index + width, IDEOGRAPH_TOKEN);
      index += width;
      continue;
    }
    if (!isWordClass(cls)) {
      index += width;
      continue;
    }
    // Why one long loop: this is the hot path of indexing, so the word scan stays inline.
    const start = index;
    let last = cls;
    let ascii = true;
    let hasFormat = false;
    index += width;
    let end = index;
    if (text.charCodeAt(start) > 0x7f) ascii = false;
    while (index < length) {
      const code = text.charCodeAt(index);
      const next = code < 0x80 ? (ASCII_CLASSES[code] ?? OTHER) : classAt(text, index);
      if (next === LETTER || next === DIGIT) {
        if (code > 0x7f) ascii = false;
        last = next;
        index += code >= 0xd800 ? widthAt(text, index) : 1;
        end = index;
      } else if (next === MARK) {
        ascii = false;
        index += widthAt(text, index);
        end = index;
      } else if (next === FORMAT) {
        hasFormat = true;
        ascii = false;
        index += widthAt(text, index);
      } else if (next >= MID_LETTER) {
        const resume = skipJoiner(text, index, next, last);
        if (resume < 0) break;
        for (let at = index; at < resume; at++) {
          if (text.charCodeAt(at) > 0x7f) ascii = false;
        }
        hasFormat = hasFormat || !ascii;
        index = resume;
      } else {
        break;
      }
    }
    if (end - start > MAX_TOKEN_LENGTH) continue;
    visit(start, end, ascii ? ASCII_WORD : hasFormat ? WORD_WITH_FORMAT : WORD);
  }
}
