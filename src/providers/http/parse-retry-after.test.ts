import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRetryAfter } from './parse-retry-after.js';

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-06-01T12:00:00Z');

  it('reads seconds, including fractions', () => {
    assert.equal(parseRetryAfter(new Headers({ 'retry-after': '3' }), now), 3000);
    assert.equal(parseRetryAfter(new Headers({ 'retry-after': '0.5' }), now), 500);
  });

  it('reads an HTTP date relative to now, and a past date as 0', () => {
    assert.equal(parseRetryAfter(new Headers({ 'retry-after': 'Sun, 01 Jun 2025 12:00:07 GMT' }), now), 7000);
    assert.equal(parseRetryAfter(new Headers({ 'retry-after': 'Sun, 01 Jun 2025 11:00:00 GMT' }), now), 0);
  });

  it('prefers retry-after-ms over retry-after', () => {
    assert.equal(parseRetryAfter(new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }), now), 250);
  });

  it('returns undefined when absent or unparseable', () => {
    assert.equal(parseRetryAfter(new Headers(), now), undefined);
    assert.equal(parseRetryAfter(new Headers({ 'retry-after': 'soon' }), now), undefined);
    assert.equal(parseRetryAfter(new Headers({ 'retry-after': '-4' }), now), undefined);
  });
});
