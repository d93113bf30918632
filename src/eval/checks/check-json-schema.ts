import { Ajv, type ValidateFunction } from 'ajv';
import type { CheckResult } from '../eval-run-report.js';

// One Ajv per schema: a shared instance would reject a second schema that reuses an `$id`. Keyed by the schema
// object, so every case of a run that shares a parsed schema compiles it once.
const compiled = new WeakMap<object, ValidateFunction | Error>();

function validatorFor(schema: Record<string, unknown>): ValidateFunction | Error {
  let validator = compiled.get(schema);
  if (validator === undefined) {
    try {
      // strict: false accepts keywords Ajv does not know (golden files are hand-written); formats are not checked
      // because ajv-formats is not a dependency, and logger: false keeps Ajv from printing about them.
      validator = new Ajv({ strict: false, validateFormats: false, logger: false }).compile(schema);
    } catch (error) {
      validator = error instanceof Error ? error : new Error(String(error));
    }
    compiled.set(schema, validator);
  }
  return validator;
}

const fencedJson = /```json[^\S\n]*\n([\s\S]*?)```/i;

function parseJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/**
 * The `json_schema` behaviour check: the answer, or else the first fenced ```` ```json ```` block in it, must parse as
 * JSON and validate against `schema` (JSON Schema as Ajv 8 reads it: draft-07 by default; `format` not checked).
 * Fails with the first Ajv error (`/path must ...`) as detail; an invalid schema fails the check, never throws.
 *
 * @example
 * checkJsonSchema('```json\n{"limit": 5}\n```', { type: 'object', required: ['limit'] }); // passed
 */
export function checkJsonSchema(answer: string, schema: Record<string, unknown>): CheckResult {
  const type = 'json_schema';
  const block = fencedJson.exec(answer)?.[1];
  const parsed = parseJson(answer.trim()) ?? (block === undefined ? undefined : parseJson(block.trim()));
  if (parsed === undefined) {
    const detail = block === undefined ? 'the answer is not JSON and has no ```json block' : 'the ```json block is not valid JSON';
    return { type, passed: false, detail };
  }
  const validate = validatorFor(schema);
  if (validate instanceof Error) return { type, passed: false, detail: `invalid JSON schema: ${validate.message}` };
  if (validate(parsed.value)) return { type, passed: true, detail: 'valid JSON matching the schema' };
  const first = validate.errors?.[0];
  const detail = first === undefined ? 'does not match the schema' : `${first.instancePath || '/'} ${first.message ?? 'is invalid'}`;
  return { type, passed: false, detail };
}
