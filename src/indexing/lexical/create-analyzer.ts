import { stemmer as porterStem } from 'stemmer';
import type { Analyzer } from '../../core/lexical-index.js';
import { createAsciiTermMemo } from './create-ascii-term-memo.js';
import { ASCII_WORD, scanStandardTokens } from './scan-standard-tokens.js';
import { standardTokenAt } from './tokenize-standard.js';

/**
 * Lucene's `EnglishAnalyzer.ENGLISH_STOP_WORDS_SET` (33 words), the stop list of Anserini's default
 * analyzer.
 */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'but', 'by', 'for', 'if', 'in', 'into', 'is', 'it', 'no',
  'not', 'of', 'on', 'or', 'such', 'that', 'the', 'their', 'then', 'there', 'these', 'they', 'this',
  'to', 'was', 'will', 'with',
]);

/** Settings of {@link createAnalyzer}. */
export interface AnalyzerOptions {
  /** `'porter'` (default, as Lucene's EnglishAnalyzer) or `'none'`. */
  readonly stemmer?: 'porter' | 'none';
  /**
   * `'english'` (default: {@link ENGLISH_STOP_WORDS}), `'none'`, or your own words (matched after
   * lower-casing, before stemming).
   */
  readonly stopWords?: 'english' | 'none' | readonly string[];
}

// Bumped whenever tokenization changes, so that stored terms are re-analyzed.
const TOKENIZER_VERSION = 'std1';
// Porter stemming is regex-heavy (~1 µs a word) while vocabularies are small: memoize, with a cap
// so that a stream of unique tokens (ids, numbers) cannot grow the cache without bound.
const STEM_CACHE_LIMIT = 200_000;

/** FNV-1a, 32 bits: a short stable fingerprint of a custom stop list. */
function fingerprint(words: readonly string[]): string {
  let hash = 0x811c9dc5;
  for (const char of words.join('\n')) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

function resolveStopWords(option: AnalyzerOptions['stopWords']): { set: ReadonlySet<string>; id: string } {
  if (option === undefined || option === 'english') return { set: ENGLISH_STOP_WORDS, id: 'english' };
  if (option === 'none') return { set: new Set(), id: 'none' };
  const words = [...new Set(option.map((word) => word.toLowerCase()))].sort();
  return { set: new Set(words), id: `custom-${words.length}-${fingerprint(words)}` };
}

function createStemmer(kind: 'porter' | 'none'): (token: string) => string {
  if (kind === 'none') return (token) => token;
  const cache = new Map<string, string>();
  return (token) => {
    let stem = cache.get(token);
    if (stem === undefined) {
      stem = porterStem(token);
      if (cache.size >= STEM_CACHE_LIMIT) cache.clear();
      cache.set(token, stem);
    }
    return stem;
  };
}

/**
 * Creates the text analyzer of the lexical index, modelled on Lucene's EnglishAnalyzer (Anserini's
 * default): StandardTokenizer-style words (see `tokenizeStandard`), lower-cased, English possessives
 * removed, stop words dropped, Porter-stemmed.
 *
 * Defaults: `stemmer: 'porter'`, `stopWords: 'english'`. The analyzer's `id` fingerprints these
 * options and the tokenizer version. Any string is accepted (there is no query syntax); it never throws.
 *
 * @example
 * const analyzer = createAnalyzer();
 * analyzer.terms("The runners' shoes aren't running"); // ['runner', 'shoe', "aren't", 'run']
 * createAnalyzer({ stopWords: 'none', stemmer: 'none' }).id; // 'std1+stem:none+stop:none'
 */
export function createAnalyzer(options: AnalyzerOptions = {}): Analyzer {
  const stemmerKind = options.stemmer ?? 'porter';
  const stopWords = resolveStopWords(options.stopWords);
  const stem = createStemmer(stemmerKind);
  const stopSet = stopWords.set;
  const analyze = (token: string): string | undefined => (stopSet.has(token) ? undefined : stem(token));
  // ASCII words are most words: looked up in place by their characters, they are finished and stemmed once each.
  const ascii = createAsciiTermMemo((raw) => analyze(standardTokenAt(raw, 0, raw.length, ASCII_WORD)), STEM_CACHE_LIMIT);
  return {
    id: `${TOKENIZER_VERSION}+stem:${stemmerKind}+stop:${stopWords.id}`,
    terms(text: string): string[] {
      const terms: string[] = [];
      scanStandardTokens(text, (start, end, kind) => {
        const term = kind === ASCII_WORD ? ascii.termAt(text, start, end) : analyze(standardTokenAt(text, start, end, kind));
        if (term !== undefined) terms.push(term);
      });
      return terms;
    },
  };
}
