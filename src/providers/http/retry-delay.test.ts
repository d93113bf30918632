import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { retryDelay } from './retry-delay.js';

describe('retryDelay', () => {
  it('doubles the ceiling per retry from 500 ms up to 8 s', () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 7].map((retry) => retryDelay({ retry, random: () => 0.999999 }));
    assert.deepEqual(ceilings, [499, 999, 1999, 3999, 7999, 7999, 7999]);
  });

  it('uses full jitter: anywhere from 0 to the ceiling', () => {
    assert.equal(retryDelay({ retry: 3, random: () => 0 }), 0);
    assert.equal(retryDelay({ retry: 3, random: () => 0.5 }), 1000);
  });

  it("honours the server's Retry-After, capped at 60 s, without jitter", () => {
    assert.equal(retryDelay({ retry: 1, retryAfterMs: 2000, random: () => 0 }), 2000);
    assert.equal(retryDelay({ retry: 1, retryAfterMs: 600_000, random: () => 0 }), 60_000);
    assert.equal(retryDelay({ retry: 2, retryAfterMs: 0, random: () => 0.9 }), 0);
  });
});
