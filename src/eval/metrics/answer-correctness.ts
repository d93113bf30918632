import type { GoldenKind } from '../../core/golden-case.js';
import { normalizeAnswer } from './normalize-answer.js';

// The three answer measures sit together because the golden-set spec defines them as one group ("answer") and the
// evaluation imports them together; each is a few lines.

function lowerCollapsed(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Answer correctness as the golden-set spec defines it: the answer contains an accepted string, compared after
 * lower-casing and collapsing white space (no other normalization, so `"1,048,576"` does not match `"1048576"`).
 * - `answerable`: 1 when any accepted string is contained, else 0.
 * - `synthesis`: every accepted string is a required part; the share of parts contained.
 * - `unanswerable`: 0 (not applicable; the caller skips these cases).
 * Accepted strings that are empty after collapsing white space are ignored (they would always match); with none
 * left the result is 0.
 *
 * @example
 * answerCorrectness('The limit is 1048576  bytes.', ['1048576'], 'answerable'); // 1
 * answerCorrectness('Use TLS and basic auth.', ['tls', 'basic auth', 'ip allow list'], 'synthesis'); // 2/3
 */
export function answerCorrectness(answer: string, accepted: readonly string[], kind: GoldenKind): number {
  if (kind === 'unanswerable') return 0;
  const haystack = lowerCollapsed(answer);
  const needles = accepted.map(lowerCollapsed).filter((needle) => needle.length > 0);
  if (needles.length === 0) return 0;
  const present = needles.filter((needle) => haystack.includes(needle)).length;
  if (kind === 'synthesis') return present / needles.length;
  return present > 0 ? 1 : 0;
}

/**
 * SQuAD token F1: the harmonic mean of token precision and recall between the prediction and a gold answer, both
 * normalized with {@link normalizeAnswer} and split on white space, counting shared tokens with multiplicity; the
 * maximum over `golds`. As in SQuAD, when either side has no tokens the score is 1 if both are empty, else 0.
 * No golds at all gives 0.
 *
 * @example
 * tokenF1('the request body limit', ['body limit']); // precision 2/3, recall 1 -> 0.8
 */
export function tokenF1(prediction: string, golds: readonly string[]): number {
  const predicted = tokens(prediction);
  let best = 0;
  for (const gold of golds) best = Math.max(best, f1(predicted, tokens(gold)));
  return best;
}

/**
 * SQuAD exact match: 1 when the prediction equals any gold answer after {@link normalizeAnswer}, else 0 (also 0
 * with no golds).
 *
 * @example
 * exactMatch('The Eiffel Tower.', ['eiffel tower']); // 1
 */
export function exactMatch(prediction: string, golds: readonly string[]): number {
  const normalized = normalizeAnswer(prediction);
  return golds.some((gold) => normalizeAnswer(gold) === normalized) ? 1 : 0;
}

function tokens(text: string): string[] {
  const normalized = normalizeAnswer(text);
  return normalized.length === 0 ? [] : normalized.split(' ');
}

function f1(predicted: readonly string[], gold: readonly string[]): number {
  if (predicted.length === 0 || gold.length === 0) return predicted.length === gold.length ? 1 : 0;
  const goldCounts = new Map<string, number>();
  for (const token of gold) goldCounts.set(token, (goldCounts.get(token) ?? 0) + 1);
  let shared = 0;
  for (const token of predicted) {
    const count = goldCounts.get(token) ?? 0;
    if (count > 0) {
      shared += 1;
      goldCounts.set(token, count - 1);
    }
  }
  if (shared === 0) return 0;
  const precision = shared / predicted.length;
  const recall = shared / gold.length;
  return (2 * precision * recall) / (precision + recall);
}
