import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { GroundedError } from '../core/errors.js';
import { advisorProfileFields } from './advisor-profile-fields.js';
import { advisorProfileSchema, type AdvisorProfile } from './advisor-profile-schema.js';

/**
 * Reads a use-case profile from YAML or JSON text (JSON is YAML too) and applies the defaults. An empty text is
 * the all-defaults profile.
 *
 * @param name The file name, used in messages.
 * @throws GroundedError `INVALID_DATA` with one line naming the field and what to write instead: a syntax error
 *   with its line, a value of the wrong type or out of range, or an unknown field (with the closest known name).
 * @example
 * parseAdvisorProfile('gap: behaviour\nlabeledExamples: 200\n', 'profile.yaml').labeledExamples; // 200
 */
export function parseAdvisorProfile(text: string, name: string): AdvisorProfile {
  let data: unknown;
  try {
    data = parseYaml(text) ?? {};
  } catch (error) {
    const line = error instanceof YAMLParseError ? error.linePos?.[0]?.line : undefined;
    const detail = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw new GroundedError('INVALID_DATA', `profile ${name}${line === undefined ? '' : ` line ${line}`} is not valid YAML or JSON: ${detail}`, {
      hint: 'fix the syntax (see docs/advisor.md for an example profile)',
      cause: error,
    });
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new GroundedError('INVALID_DATA', `profile ${name} must be a mapping of fields to values`, {
      hint: 'write one `field: value` per line, e.g. `gap: behaviour` (see docs/advisor.md)',
    });
  }
  const parsed = advisorProfileSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  throw new GroundedError('INVALID_DATA', `profile ${name}: ${describeIssue(issue)}`, {
    details: { issues: parsed.error.issues.map((each) => ({ path: each.path.join('.'), message: each.message })) },
    hint: 'fix the field or remove it to use its default (every field is listed in docs/advisor.md)',
  });
}

function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (issue === undefined) return 'invalid profile';
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => `unknown field '${key}'${suggestion(key)}`).join(', ');
  }
  const field = issue.path.map(String).join('.');
  const choices = advisorProfileFields.find((each) => each.name === issue.path[0])?.choices;
  const allowed = choices === undefined ? '' : ` (one of ${choices.join(', ')})`;
  return `field '${field}': ${issue.message}${allowed}`;
}

function suggestion(key: string): string {
  let best: { name: string; distance: number } | undefined;
  for (const field of advisorProfileFields) {
    const distance = editDistance(key.toLowerCase(), field.name.toLowerCase());
    if (best === undefined || distance < best.distance) best = { name: field.name, distance };
  }
  // A typo or a missing unit suffix (latencyBudget -> latencyBudgetMs) is close; anything farther is not a guess.
  return best !== undefined && best.distance <= Math.max(3, Math.floor(key.length / 3)) ? `; did you mean '${best.name}'?` : '';
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
