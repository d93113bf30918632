import { ASCII_WORD, IDEOGRAPH_TOKEN, scanStandardTokens, WORD_WITH_FORMAT, type StandardTokenKind } from './scan-standard-tokens.js';

export { MAX_TOKEN_LENGTH } from './scan-standard-tokens.js';

const FORMAT_RUN = /[\p{Cf}\uFE00-\uFE0F\u20E3\u{E0100}-\u{E01EF}]/gu;

function finishToken(raw: string, kind: StandardTokenKind): string {
  if (kind === ASCII_WORD) return raw.toLowerCase();
  const visible = kind === WORD_WITH_FORMAT ? raw.replace(FORMAT_RUN, '') : raw;
  return visible.toLowerCase().normalize('NFC');
}

/** English possessive removal (Lucene's EnglishPossessiveFilter): `king's` -> `king`. */
function dropPossessive(token: string): string {
  const length = token.length;
  if (length < 3 || token.charCodeAt(length - 1) !== 0x73 /* s */) return token;
  const quote = token.charCodeAt(length - 2);
  return quote === 0x27 || quote === 0x2019 || quote === 0xff07 ? token.slice(0, -2) : token;
}

/**
 * The token between `start` and `end` of `text` as `scanStandardTokens` reported it, finished: lower-cased,
 * NFC-normalized and without invisible format characters (words), the English possessive removed.
 *
 * @example
 * standardTokenAt("The King's", 4, 10, 1); // 'king'
 */
export function standardTokenAt(text: string, start: number, end: number, kind: StandardTokenKind): string {
  const raw = text.slice(start, end);
  return kind === IDEOGRAPH_TOKEN ? raw : dropPossessive(finishToken(raw, kind));
}

/**
 * Splits text into lower-cased word tokens, modelled on Lucene's StandardTokenizer (UAX#29 word
 * boundaries) followed by EnglishPossessiveFilter and LowerCaseFilter.
 *
 * - Words are runs of Unicode letters and digits; combining marks stay with their letter.
 * - Apostrophes and dots join letters (`don't`, `e.g`), dots and commas join digits (`3.5`, `1,000`),
 *   underscores join anything (`snake_case`), as UAX#29 does. Hyphens and colons split.
 * - Each Han ideograph, kana and Hangul syllable is its own token.
 * - Emoji, symbols, punctuation and lone surrogates are dropped; tokens longer than
 *   {@link MAX_TOKEN_LENGTH} are dropped; a trailing `'s` is removed.
 * - Non-ASCII tokens are NFC-normalized and lose invisible format characters (soft hyphen, ZWJ).
 *
 * Any string is accepted; it never throws.
 *
 * @example
 * tokenizeStandard("The cat's 3.5 kg (don't) — IL-6 中文");
 * // ['the', 'cat', '3.5', 'kg', "don't", 'il', '6', '中', '文']
 */
export function tokenizeStandard(text: string): string[] {
  const tokens: string[] = [];
  scanStandardTokens(text, (start, end, kind) => tokens.push(standardTokenAt(text, start, end, kind)));
  return tokens;
}
