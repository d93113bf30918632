/** How a quote was found: verbatim, with white space collapsed, or also ignoring case. */
export type QuoteMatch = 'exact' | 'whitespace' | 'case';

/** A quote's character span in a document's text and how loosely it matched. */
export interface QuoteSpan {
  /** Offset of the first matched character of the original text. */
  readonly start: number;
  /** Offset just past the last matched character of the original text. */
  readonly end: number;
  readonly match: QuoteMatch;
}

/**
 * The text with every run of white space folded to one space (and optionally lower-cased), plus where each of its
 * UTF-16 units came from in the original, so a match in the folded text maps back to original offsets.
 */
interface FoldedText {
  readonly text: string;
  /** For each unit of `text`: offset of the original character it came from. */
  readonly starts: Int32Array;
  /** For each unit of `text`: offset just past that original character. */
  readonly ends: Int32Array;
}

/**
 * Finds `quote` in `text`: first verbatim, then with every run of white space treated as one space (line breaks
 * and doubled spaces in a quote copied from rendered text still match), then also ignoring case. Leading and trailing
 * white space of the quote never matters. Returns the span of the first occurrence in the original `text`, or
 * undefined when the quote is absent or blank. Linear in the text's length for the loose passes; the exact pass is a
 * plain `indexOf`.
 *
 * @example
 * findQuote('Body  is\nbuffered', 'The body is buffered.'); // { start: 4, end: 20, match: 'case' }
 * findQuote('is buffered', 'The body is buffered.');        // { start: 9, end: 20, match: 'exact' }
 */
export function findQuote(quote: string, text: string): QuoteSpan | undefined {
  const exact = quote.length === 0 ? -1 : text.indexOf(quote);
  if (exact >= 0) return { start: exact, end: exact + quote.length, match: 'exact' };
  const spaced = findFolded(quote, text, false);
  if (spaced !== undefined) return { ...spaced, match: 'whitespace' };
  const cased = findFolded(quote, text, true);
  return cased === undefined ? undefined : { ...cased, match: 'case' };
}

function findFolded(quote: string, text: string, lowerCase: boolean): { start: number; end: number } | undefined {
  const needle = foldText(quote, lowerCase).text.trim();
  if (needle.length === 0) return undefined;
  const haystack = foldText(text, lowerCase);
  const at = haystack.text.indexOf(needle);
  if (at < 0) return undefined;
  const start = haystack.starts[at];
  const end = haystack.ends[at + needle.length - 1];
  return start === undefined || end === undefined ? undefined : { start, end };
}

const whiteSpace = /\s/u;

function isWhiteSpace(code: number, character: string): boolean {
  // ASCII fast path: this loop runs over every character of a document.
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return whiteSpace.test(character);
}

function foldText(text: string, lowerCase: boolean): FoldedText {
  // Lower-casing can lengthen a character ('İ' -> 'i̇'), so the folded text may have more units than the original.
  const capacity = lowerCase ? text.length * 3 : text.length;
  const starts = new Int32Array(capacity);
  const ends = new Int32Array(capacity);
  let folded = '';
  let inSpace = false;
  for (let offset = 0; offset < text.length; ) {
    const code = text.codePointAt(offset) ?? 0;
    const character = String.fromCodePoint(code);
    const next = offset + character.length;
    if (isWhiteSpace(code, character)) {
      if (!inSpace) {
        starts[folded.length] = offset;
        ends[folded.length] = next;
        folded += ' ';
      }
      inSpace = true;
    } else {
      inSpace = false;
      const out = lowerCase && code >= 65 ? character.toLowerCase() : character;
      for (let unit = 0; unit < out.length; unit++) {
        starts[folded.length + unit] = offset;
        ends[folded.length + unit] = next;
      }
      folded += out;
    }
    offset = next;
  }
  return { text: folded, starts, ends };
}
