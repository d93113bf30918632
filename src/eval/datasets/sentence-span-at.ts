/** Words that end with a period without ending a sentence (lower-cased, without the period). */
const abbreviations = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'prof', 'vs', 'etc', 'e.g', 'i.e', 'c', 'ca', 'approx', 'inc', 'co', 'ltd', 'mt', 'ft', 'gen', 'col', 'rev', 'fr', 'jan', 'feb', 'aug', 'sept', 'oct', 'nov', 'dec']);

/**
 * The span of the sentence(s) of `text` that contain `[start, end)`: from the first sentence start at or before
 * `start` to the first sentence end at or after `end`, without surrounding white space. A sentence ends after `.`,
 * `!` or `?` (and any closing quotes or brackets) followed by white space and an upper-case letter, a digit or an
 * opening quote; initials (`J.`), dotted acronyms (`U.S.`) and common abbreviations (`Dr.`, `St.`) do not end one.
 * A heuristic for English prose, meant for picking a quote around an answer, not for linguistics.
 *
 * @example
 * const text = 'The Normans came. Rollo led them in 911. Then they stayed.';
 * sentenceSpanAt(text, 36, 39); // { start: 18, end: 40 } -> 'Rollo led them in 911.'
 */
export function sentenceSpanAt(text: string, start: number, end: number): { start: number; end: number } {
  let from = 0;
  let to = text.length;
  for (const boundary of sentenceBoundaries(text)) {
    if (boundary.end <= start) from = boundary.next;
    if (boundary.end >= end) {
      to = boundary.end;
      break;
    }
  }
  while (from < start && /\s/.test(text[from] ?? '')) from += 1;
  while (to > end && /\s/.test(text[to - 1] ?? '')) to -= 1;
  return { start: Math.min(from, start), end: Math.max(to, end) };
}

/** Sentence ends (just past the punctuation and closers) and where the next sentence starts. */
function* sentenceBoundaries(text: string): Generator<{ end: number; next: number }> {
  const candidate = /[.!?]["'”’)\]]*(\s+)(?=["'“‘(]?[\p{Lu}\p{N}])/gu;
  for (const match of text.matchAll(candidate)) {
    const end = match.index + match[0].length - (match[1]?.length ?? 0);
    if (text[match.index] === '.' && isAbbreviation(text, match.index)) continue;
    yield { end, next: match.index + match[0].length };
  }
}

function isAbbreviation(text: string, period: number): boolean {
  const word = /[\p{L}.]+$/u.exec(text.slice(Math.max(0, period - 12), period))?.[0] ?? '';
  if (word.length === 1 && /\p{Lu}/u.test(word)) return true; // an initial: "J. R. R. Tolkien"
  if (/^(\p{L}\.)+\p{L}$/u.test(word)) return true; // a dotted acronym: "U.S", "e.g"
  return abbreviations.has(word.toLowerCase());
}
