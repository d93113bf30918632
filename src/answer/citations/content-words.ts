import { stemmer } from 'stemmer';

// Function words and the filler of answers ("also", "however"): they say nothing about whether a source supports a
// claim, and counting them would let any passage support any sentence. Wider than the index's 33-word Lucene list
// on purpose; that one is tuned for ranking, this one for overlap.
const stopWords = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between ' +
    'both but by can cannot could did do does doing done down during each either else ever every few for from ' +
    'further had has have having he her here hers herself him himself his how however i if in into is it its itself ' +
    'just less may me might more most much must my myself neither no nor not now of off on once one only or other ' +
    'our ours ourselves out over own per same shall she should so some such than that the their theirs them ' +
    'themselves then there therefore these they this those through thus to too under until up upon us use used ' +
    'uses using very via was we were what when where whether which while who whom whose why will with within ' +
    'without would yes yet you your yours yourself yourselves'
  ).split(' '),
);

const wordPattern = /[\p{L}\p{N}\p{M}]+/gu;
const ideographPattern = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const latinPattern = /^[a-z]+$/;

/**
 * The distinct content words of a text, for measuring how much of a claim a passage supports: words of letters and
 * digits, lower-cased, with stop words, single letters and possessive `'s` left out, Latin words Porter-stemmed
 * (`renewed` and `renews` both give `renew`), numbers kept as written (`1024` is evidence), and CJK text taken one
 * character at a time (it has no spaces between words).
 *
 * @example
 * contentWords("The router's rules are renewed every 30 days."); // Set { 'router', 'rule', 'renew', '30', 'dai' }
 */
export function contentWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const [match] of text.toLowerCase().matchAll(wordPattern)) {
    if (ideographPattern.test(match)) {
      for (const character of match) if (/[\p{L}\p{N}]/u.test(character)) words.add(character);
      continue;
    }
    if (stopWords.has(match) || (match.length === 1 && !/\d/.test(match))) continue;
    words.add(latinPattern.test(match) ? stemmer(match) : match);
  }
  return words;
}
