import assert from 'node:assert/strict';
import { isGroundedError, type ErrorCode, type GroundedError } from '../core/errors.js';

/**
 * Awaits `promise` and returns the `GroundedError` it rejects with, failing the test when it resolves or rejects with
 * anything else (or another code).
 *
 * @example
 * const error = await expectGroundedError(model.doGenerate(request), 'PROVIDER_AUTH');
 * assert.match(error.hint ?? '', /GROUNDED_LLM_API_KEY/);
 */
export async function expectGroundedError(promise: Promise<unknown>, code: ErrorCode): Promise<GroundedError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isGroundedError(error, code), `expected ${code}, got ${String(error)}`);
    return error;
  }
  assert.fail(`expected ${code}, but the call succeeded`);
}
