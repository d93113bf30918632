import type { BehaviourCheck } from '../../core/golden-case.js';
import type { CheckResult } from '../eval-run-report.js';
import { checkInclusion } from './check-inclusion.js';
import { checkJsonSchema } from './check-json-schema.js';
import { checkLanguage } from './check-language.js';
import { checkMaxWords } from './check-max-words.js';
import { checkRegex } from './check-regex.js';

/**
 * Runs a case's behaviour checks on an answer, one result per check in order. Never throws: a malformed check
 * (an unknown type or a value of the wrong type, possible in a hand-written golden file) fails with a detail
 * saying what is wrong. The caller passes an abstention as '' (so e.g. `must_include` fails on it).
 *
 * @example
 * runChecks('Antwort: 5 Sekunden.', [{ type: 'max_words', value: 10 }, { type: 'must_include', value: 'sekunden' }]);
 * // [{ type: 'max_words', passed: true, detail: '3 words (max 10)' }, { type: 'must_include', passed: true, ... }]
 */
export function runChecks(answer: string, checks: readonly BehaviourCheck[]): CheckResult[] {
  return checks.map((check) => runCheck(answer, check));
}

function malformed(type: string, expected: string): CheckResult {
  return { type, passed: false, detail: `malformed check: ${type} needs ${expected}` };
}

function runCheck(answer: string, check: BehaviourCheck): CheckResult {
  switch (check.type) {
    case 'json_schema':
      return typeof check.schema === 'object' && check.schema !== null
        ? checkJsonSchema(answer, check.schema)
        : malformed(check.type, 'a schema object');
    case 'max_words':
      return Number.isFinite(check.value) ? checkMaxWords(answer, check.value) : malformed(check.type, 'a numeric value');
    case 'must_include':
    case 'must_not_include':
      return typeof check.value === 'string' ? checkInclusion(answer, check) : malformed(check.type, 'a string value');
    case 'regex':
      return typeof check.value === 'string' ? checkRegex(answer, check.value) : malformed(check.type, 'a string value');
    case 'language':
      return typeof check.value === 'string' ? checkLanguage(answer, check.value) : malformed(check.type, 'a string value');
    default: {
      const type = String((check as { readonly type?: unknown }).type);
      return { type, passed: false, detail: `unknown check type '${type}'` };
    }
  }
}
