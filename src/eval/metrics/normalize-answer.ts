// SQuAD's `string.punctuation` (ASCII) plus every Unicode punctuation mark (`\p{P}`), as MLQA's evaluation script
// extends it, so typographic quotes and dashes in model output do not break matches; identical to SQuAD on ASCII.
const punctuation = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~\p{P}]/gu;
// Python 3's `\b` (what SQuAD's script uses) is Unicode-aware; JavaScript's is ASCII-only, hence the lookarounds.
const articles = /(?<![\p{L}\p{N}_])(?:a|an|the)(?![\p{L}\p{N}_])/gu;

/**
 * SQuAD answer normalization (the official v1.1/v2.0 `normalize_answer`): lower-case, remove punctuation, remove
 * the English articles `a`, `an`, `the` as whole words, and collapse runs of white space to one space (trimmed).
 * Punctuation is removed without leaving a space, as SQuAD does (`"1,048,576"` -> `"1048576"`).
 *
 * @example
 * normalizeAnswer('  The  "Quick", brown fox!'); // 'quick brown fox'
 */
export function normalizeAnswer(text: string): string {
  const withoutPunctuation = text.toLowerCase().replace(punctuation, '');
  return withoutPunctuation.replace(articles, ' ').replace(/\s+/g, ' ').trim();
}
