import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { advisorProfileSchema, type AdvisorProfile } from '../advise/advisor-profile-schema.js';
import { parseAdvisorProfile } from '../advise/parse-advisor-profile.js';
import { GroundedError } from '../core/errors.js';

/**
 * Reads a use-case profile file (YAML or JSON) for `grounded advise --profile FILE`; no file means every default.
 *
 * @throws GroundedError `PATH_NOT_FOUND` when the file cannot be read, `INVALID_DATA` (one line naming the field to
 *   fix) when it is not a valid profile.
 * @example
 * const profile = loadAdvisorProfile('profile.yaml', process.cwd());
 */
export function loadAdvisorProfile(file: string | undefined, cwd: string): AdvisorProfile {
  if (file === undefined) return advisorProfileSchema.parse({});
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new GroundedError('PATH_NOT_FOUND', `cannot read profile ${file}`, {
      hint: 'check the path, or leave out --profile to use the defaults (see docs/advisor.md)',
      cause: error,
    });
  }
  return parseAdvisorProfile(text, file);
}
