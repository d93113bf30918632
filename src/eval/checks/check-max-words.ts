import type { CheckResult } from '../eval-run-report.js';

/**
 * The `max_words` behaviour check: passes when the answer has at most `value` words. A word is a run of non-space
 * characters containing a letter or digit, counted after removing `[n]` citation markers (they are not prose), so
 * a lone `-` bullet or `—` is not a word.
 *
 * @example
 * checkMaxWords('Use the buffering middleware [1].', 5); // passed, detail '4 words (max 5)'
 */
export function checkMaxWords(answer: string, value: number): CheckResult {
  const words = answer
    .replace(/\[\d+(?:\s*,\s*\d+)*\]/g, ' ')
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  return { type: 'max_words', passed: words <= value, detail: `${words} words (max ${value})` };
}
