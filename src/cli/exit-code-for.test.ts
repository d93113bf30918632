import assert from 'node:assert/strict';
import { it } from 'node:test';
import { errorTable } from '../core/error-table.js';
import type { ErrorCode } from '../core/errors.js';
import { exitCodeFor, exitCodes } from './exit-code-for.js';

it('keeps the CLI contract: every code exits 1 (the user can fix it) but INTERNAL, a bug, which exits 3', () => {
  for (const code of Object.keys(errorTable) as ErrorCode[]) {
    assert.equal(exitCodeFor(code), code === 'INTERNAL' ? exitCodes.internal : exitCodes.userError, code);
  }
});
