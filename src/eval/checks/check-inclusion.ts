import type { CheckResult } from '../eval-run-report.js';

function comparable(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * The `must_include` and `must_not_include` behaviour checks: whether the answer contains `value`, compared
 * case-insensitively after collapsing white space (as answer correctness compares). An empty `value` is always
 * contained.
 *
 * @example
 * checkInclusion('Contact SUPPORT@example.com', { type: 'must_include', value: 'support@example.com' }); // passed
 * checkInclusion('As an AI model, ...', { type: 'must_not_include', value: 'as an ai' }); // failed
 */
export function checkInclusion(
  answer: string,
  check: { readonly type: 'must_include' | 'must_not_include'; readonly value: string },
): CheckResult {
  const contains = comparable(answer).includes(comparable(check.value));
  const passed = check.type === 'must_include' ? contains : !contains;
  const detail = contains ? `contains '${check.value}'` : `does not contain '${check.value}'`;
  return { type: check.type, passed, detail };
}
