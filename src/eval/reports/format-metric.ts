/** How a metric value is shown: a rate in [0, 1] as a percentage, milliseconds, or a plain count. */
export type MetricUnit = 'rate' | 'ms' | 'count';

/**
 * Formats a metric for a report: rates as percentages with one decimal, milliseconds with up to one decimal,
 * counts as integers. Non-finite values show as an em dash.
 *
 * @example
 * formatMetric(0.8125, 'rate'); // '81.3%'
 * formatMetric(12.34, 'ms');    // '12.3 ms'
 */
export function formatMetric(value: number, unit: MetricUnit): string {
  if (!Number.isFinite(value)) return '—';
  if (unit === 'rate') return `${(value * 100).toFixed(1)}%`;
  if (unit === 'ms') return `${Number(value.toFixed(1))} ms`;
  return String(Math.round(value));
}
