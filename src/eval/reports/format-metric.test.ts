import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatMetric } from './format-metric.js';

describe('formatMetric', () => {
  it('shows rates as percentages, times in ms, counts as integers', () => {
    assert.equal(formatMetric(0.8125, 'rate'), '81.3%');
    assert.equal(formatMetric(1, 'rate'), '100.0%');
    assert.equal(formatMetric(12.34, 'ms'), '12.3 ms');
    assert.equal(formatMetric(20, 'ms'), '20 ms');
    assert.equal(formatMetric(2.6, 'count'), '3');
  });
  it('shows a dash for values that are not numbers', () => {
    assert.equal(formatMetric(Number.NaN, 'rate'), '—');
    assert.equal(formatMetric(Number.POSITIVE_INFINITY, 'ms'), '—');
  });
});
