import { createRandom } from './create-random.js';
/** One generated chunk: a title (document title and heading) and body text. */
export interface SyntheticChunk {
  readonly id: number;
  readonly title: string;
  readonly text: string;
}

/** Settings of {@link syntheticCorpus}. */
export interface SyntheticCorpusOptions {
  /** Number of chunks to generate. */
  readonly chunks: number;
  /** PRNG seed; the same seed gives the same corpus. Default 1. */
  readonly seed?: number;
  /** Mean words per chunk body (varies ±50%). Default 180, about a 256-token chunk. */
  readonly wordsPerChunk?: number;
}

const VOCABULARY_SIZE = 50_000;
// Zipf exponent of word ranks; ~1 is typical of English text.
const ZIPF_EXPONENT = 1.05;
// The most frequent English words, so that stop-word removal and very long posting lists are exercised.
const FUNCTION_WORDS = (
  'the of and to a in is that for it as was with be by on not he this are or his from at which but have ' +
  'an they you were their one all we can her has there been if more when will would who so no she other ' +
  'its may these into than then such also any only'
).split(' ');
const ONSETS = ['', 'b', 'c', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'br', 'cl', 'dr', 'gr', 'pl', 'st', 'tr', 'sh', 'ch', 'th'];
const NUCLEI = ['a', 'e', 'i', 'o', 'u', 'ea', 'io', 'ou', 'ai'];
const CODAS = ['', '', 'n', 'r', 's', 't', 'l', 'm', 'nd', 'st', 'ng', 'ct', 'rm'];
const SUFFIXES = ['', '', '', 'ing', 'ed', 's', 'ion', 'al', 'ity', 'er', 'ly', 'ness', 'ment'];

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** Word-like strings by frequency rank; frequent words are shorter, as in natural language. */
function buildVocabulary(): string[] {
  const random = createRandom(0x5eed);
  const words = [...FUNCTION_WORDS];
  const seen = new Set(words);
  while (words.length < VOCABULARY_SIZE) {
    const syllables = 1 + Math.floor(random() * (1 + Math.min(3, words.length / 4000)));
    let word = '';
    for (let index = 0; index < syllables; index++) word += pick(ONSETS, random) + pick(NUCLEI, random) + pick(CODAS, random);
    word += pick(SUFFIXES, random);
    if (word.length < 2 || seen.has(word)) continue;
    seen.add(word);
    words.push(word);
  }
  return words;
}

let shared: { words: string[]; cumulative: Float64Array } | undefined;

function vocabulary(): { words: string[]; cumulative: Float64Array } {
  if (shared) return shared;
  const words = buildVocabulary();
  const cumulative = new Float64Array(words.length);
  let total = 0;
  for (let rank = 0; rank < words.length; rank++) {
    total += 1 / Math.pow(rank + 1, ZIPF_EXPONENT);
    cumulative[rank] = total;
  }
  for (let rank = 0; rank < words.length; rank++) cumulative[rank] = (cumulative[rank] ?? 0) / total;
  shared = { words, cumulative };
  return shared;
}

/** A Zipf-distributed rank, by binary search over the cumulative distribution. */
function zipfRank(cumulative: Float64Array, random: () => number): number {
  const target = random();
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((cumulative[middle] ?? 1) < target) low = middle + 1;
    else high = middle;
  }
  return low;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function sentence(length: number, draw: () => string, random: () => number): string {
  const words: string[] = [];
  for (let index = 0; index < length; index++) {
    let word = draw();
    if (random() < 0.02) word = String(Math.floor(random() * 2000) / (random() < 0.5 ? 1 : 10));
    words.push(index > 0 && random() < 0.06 ? `${word},` : word);
  }
  return `${capitalize(words.join(' '))}.`;
}

/**
 * Generates a deterministic corpus of realistic-looking text chunks: a Zipf-distributed vocabulary of
 * 50,000 word-like strings (with real English function words at the top), sentences with commas and
 * numbers, a few topic words repeated within each chunk, and short titles of mid-frequency words.
 *
 * @example
 * const chunks = syntheticCorpus({ chunks: 1000, seed: 7 }); // chunks[0].title, chunks[0].text
 */
export function syntheticCorpus(options: SyntheticCorpusOptions): SyntheticChunk[] {
  const { words, cumulative } = vocabulary();
  const random = createRandom(options.seed ?? 1);
  const meanWords = options.wordsPerChunk ?? 180;
  const chunks: SyntheticChunk[] = [];
  for (let id = 0; id < options.chunks; id++) {
    const topics = [0, 1, 2].map(() => words[100 + Math.floor(random() * 10_000)] ?? '');
    const draw = (): string => (random() < 0.08 ? pick(topics, random) : (words[zipfRank(cumulative, random)] ?? ''));
    const titleWords = [topics[0] ?? ''];
    const titleLength = 2 + Math.floor(random() * 5);
    while (titleWords.length < titleLength) titleWords.push(words[50 + Math.floor(random() * 5000)] ?? '');
    const target = Math.max(1, Math.round(meanWords * (0.5 + random())));
    const sentences: string[] = [];
    for (let written = 0; written < target; ) {
      const length = Math.min(target - written, 6 + Math.floor(random() * 18));
      sentences.push(sentence(length, draw, random));
      written += length;
    }
    chunks.push({ id, title: titleWords.map(capitalize).join(' '), text: sentences.join(' ') });
  }
  return chunks;
}

/**
 * Generates `count` deterministic search queries of 2–12 words from the same vocabulary as
 * {@link syntheticCorpus}: mostly mid-frequency words (ranks 100–20,000), sometimes any word
 * (function words included, as people type them).
 *
 * @example
 * syntheticQueries(3, 42); // three strings such as 'Treastion plumal the gring'
 */
export function syntheticQueries(count: number, seed = 1): string[] {
  const { words, cumulative } = vocabulary();
  const random = createRandom(seed ^ 0x9e3779b9);
  const queries: string[] = [];
  for (let index = 0; index < count; index++) {
    const length = 2 + Math.floor(random() * 11);
    const terms: string[] = [];
    while (terms.length < length) {
      const rank = zipfRank(cumulative, random);
      if (random() < 0.8 && (rank < 100 || rank >= 20_000)) continue;
      terms.push(words[rank] ?? '');
    }
    queries.push(terms.join(' '));
  }
  return queries;
}
