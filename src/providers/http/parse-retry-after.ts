/**
 * Reads how long a provider asks us to wait before retrying, in milliseconds, from `retry-after-ms` (OpenAI's
 * non-standard, more precise header, preferred when present) or `Retry-After` (seconds, or an HTTP date).
 * Returns `undefined` when neither header is present or parseable; a date in the past gives 0.
 *
 * @example
 * parseRetryAfter(new Headers({ 'retry-after': '2' })); // 2000
 * parseRetryAfter(new Headers({ 'retry-after-ms': '150' })); // 150
 */
export function parseRetryAfter(headers: Headers, now: number = Date.now()): number | undefined {
  const milliseconds = parseNonNegativeNumber(headers.get('retry-after-ms'));
  if (milliseconds !== undefined) return milliseconds;
  const value = headers.get('retry-after')?.trim();
  if (value === undefined || value === '') return undefined;
  const seconds = parseNonNegativeNumber(value);
  if (seconds !== undefined) return seconds * 1000;
  // HTTP dates name the weekday and month; without letters, Date.parse would read '-4' as a year.
  const date = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function parseNonNegativeNumber(value: string | null): number | undefined {
  if (value === null || !/^\s*\d+(\.\d+)?\s*$/.test(value)) return undefined;
  return Number(value);
}
