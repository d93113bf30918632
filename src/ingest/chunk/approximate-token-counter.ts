import type { TokenCounter } from '../../core/token-counter.js';

/*
 * Calibration (o200k_base = gpt-tokenizer's default, and cl100k_base), measured with a one-off script over
 * all 169 Markdown files of the traefik docs (2.0 M chars) and the first 2,000 SciFact abstracts (3.0 M chars):
 *
 *   corpus     estimate / o200k   estimate / cl100k   worst single file (>20 tokens)
 *   traefik    1.057              1.057               0.82 (contributing/maintainers.md)
 *   scifact    1.079              1.060               0.90
 *
 * The weights come from a least-squares fit of per-file counts on the features below, rounded and nudged
 * up a little: over-estimating only makes chunks slightly smaller, under-estimating would overflow budgets.
 */

/** A letter run costs 1 token up to this length (most English words are one BPE token)... */
const shortWordLength = 6;
/** ...and one more token for every this many letters past it (long words split into ~4-letter pieces). */
const lettersPerExtraToken = 4;
/** Per group of up to 3 digits (o200k and cl100k split numbers into 1-3 digit pieces, never with a space). */
const digitGroupCost = 1.75;
/** Per run of ASCII punctuation (`](`, `**`, `://`: a run is usually one pre-token)... */
const punctuationRunCost = 0.65;
/** ...plus this per punctuation character (long runs still split). */
const punctuationCharCost = 0.1;
/** Per run of newlines (`\n\n` is one token). */
const newlineRunCost = 0.3;
/** Per run of 2+ spaces or tabs (indentation is one token, and it keeps the next word from absorbing a space). */
const indentRunCost = 2;
/** Per CJK ideograph, kana or Hangul syllable (o200k: ~0.5, cl100k: ~1.1; the larger keeps budgets safe). */
const cjkCharCost = 1;
/** Per character of other scripts (Greek, Cyrillic, Arabic, Hebrew, Indic...). */
const otherScriptCharCost = 0.5;
/** Per astral code point (emoji, rare ideographs): 1 token in o200k, 2 in cl100k. */
const astralCost = 1.5;

// Character classes; a run is a maximal sequence of one class.
const letterClass = 1;
const digitClass = 2;
const spaceClass = 3;
const newlineClass = 4;
const asciiPunctuationClass = 5;
const symbolClass = 6;
const cjkClass = 7;
const astralClass = 8;
const otherScriptClass = 9;

function classify(code: number): number {
  if (code < 128) {
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return letterClass;
    if (code >= 48 && code <= 57) return digitClass;
    if (code === 32 || code === 9) return spaceClass;
    if (code === 10 || code === 13) return newlineClass;
    return asciiPunctuationClass;
  }
  if (code <= 0x24f) return code === 0xd7 || code === 0xf7 || code < 0xc0 ? symbolClass : letterClass;
  if ((code >= 0x2000 && code <= 0x2bff) || (code >= 0x3000 && code <= 0x303f)) return symbolClass;
  if (code >= 0xd800 && code <= 0xdbff) return astralClass;
  if (
    (code >= 0x2e80 && code <= 0x9fff) ||
    (code >= 0xac00 && code <= 0xd7af) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xff00 && code <= 0xffef)
  ) {
    return cjkClass;
  }
  return otherScriptClass;
}

// The class of every UTF-16 code unit, looked up instead of computed: the counter runs over every
// paragraph and every chunk, and the table makes it about 3x faster. 64 KiB, built on first use (about 10 ms, which
// a process that never counts tokens, such as a search, should not pay at start-up).
let classTable: Uint8Array | undefined;

function buildClassTable(): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let code = 0; code < 0x10000; code++) table[code] = classify(code);
  return table;
}

function runCost(runClass: number, length: number): number {
  switch (runClass) {
    case letterClass:
      return length <= shortWordLength ? 1 : 1 + (length - shortWordLength) / lettersPerExtraToken;
    case digitClass:
      return Math.ceil(length / 3) * digitGroupCost;
    case spaceClass:
      return length > 1 ? indentRunCost : 0;
    case newlineClass:
      return newlineRunCost;
    case asciiPunctuationClass:
      return punctuationRunCost + length * punctuationCharCost;
    case symbolClass:
      return length * (punctuationRunCost + punctuationCharCost);
    case cjkClass:
      return length * cjkCharCost;
    case otherScriptClass:
      return length * otherScriptCharCost;
    default:
      return 0;
  }
}

// One pass over char codes with no allocation: this runs on every paragraph the chunker sees, so it must
// stay far cheaper than a real tokenizer.
function estimateTokens(text: string): number {
  classTable ??= buildClassTable();
  let cost = 0;
  const length = text.length;
  let index = 0;
  while (index < length) {
    const runClass = classTable[text.charCodeAt(index)] as number;
    let runEnd = index + 1;
    if (runClass === astralClass) {
      runEnd++;
      while (runEnd < length && classTable[text.charCodeAt(runEnd)] === astralClass) runEnd += 2;
      cost += ((runEnd - index) / 2) * astralCost;
    } else {
      while (runEnd < length && classTable[text.charCodeAt(runEnd)] === runClass) runEnd++;
      cost += runCost(runClass, runEnd - index);
    }
    index = runEnd;
  }
  return Math.ceil(cost);
}

/**
 * A fast token estimate in GPT-style BPE terms (o200k_base / cl100k_base) without loading a tokenizer.
 *
 * Formula, per run of characters: a Latin letter run costs 1 token up to 6 letters and 1/4 token per
 * further letter; a digit run 1.75 per group of 3 digits; an ASCII punctuation run 0.65 plus 0.1 per
 * character; a newline run 0.3; a run of 2+ spaces 2; a CJK character 1; another script's letter 0.5;
 * an emoji or other astral character 1.5; a single space is free. The total is rounded up.
 * Measured against gpt-tokenizer: +5.7% in aggregate on the traefik docs (worst file -18%), +8% on SciFact.
 * Empty text counts 0.
 *
 * @example
 * const counter = createApproximateTokenCounter();
 * counter.count('Traefik is an open-source Edge Router.'); // 9 (gpt-tokenizer o200k: 10)
 */
export function createApproximateTokenCounter(): TokenCounter {
  return { id: 'approx-v1', count: estimateTokens };
}
