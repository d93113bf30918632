import type { CheckResult } from '../eval-run-report.js';

/**
 * The `regex` behaviour check: passes when the JavaScript regular expression `value` (no flags; use `[Aa]` or
 * `(?:...)` for case variants) matches somewhere in the answer. An invalid expression fails the check with the
 * engine's message as detail; it never throws.
 *
 * @example
 * checkRegex('Status: 200 OK', '^Status: \\d{3}'); // passed
 */
export function checkRegex(answer: string, value: string): CheckResult {
  let pattern: RegExp;
  try {
    pattern = new RegExp(value);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { type: 'regex', passed: false, detail: `invalid regex /${value}/: ${reason}` };
  }
  const passed = pattern.test(answer);
  return { type: 'regex', passed, detail: passed ? `matches /${value}/` : `does not match /${value}/` };
}
