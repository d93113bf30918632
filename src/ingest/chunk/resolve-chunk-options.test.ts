import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isGroundedError } from '../../core/errors.js';
import type { TokenCounter } from '../../core/token-counter.js';
import { resolveChunkOptions } from './resolve-chunk-options.js';

const counter: TokenCounter = { id: 'chars', count: (text) => text.length };

describe('resolveChunkOptions', () => {
  it('fills 384 and 48 by default', () => {
    assert.deepEqual(resolveChunkOptions({ counter }), { maxTokens: 384, overlapTokens: 48, counter });
  });

  it('scales the default overlap down for small budgets and keeps explicit values', () => {
    assert.equal(resolveChunkOptions({ counter, maxTokens: 64 }).overlapTokens, 8);
    assert.deepEqual(resolveChunkOptions({ counter, maxTokens: 100, overlapTokens: 0 }), { maxTokens: 100, overlapTokens: 0, counter });
  });

  it('rejects budgets it cannot honour with INVALID_CONFIG', () => {
    for (const options of [{ maxTokens: 4 }, { maxTokens: 100.5 }, { maxTokens: 100, overlapTokens: 51 }, { overlapTokens: -1 }]) {
      assert.throws(() => resolveChunkOptions({ counter, ...options }), (error) => isGroundedError(error, 'INVALID_CONFIG'));
    }
  });
});
