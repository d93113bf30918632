/**
 * Formats US dollars for people: cents for amounts from $1, four significant digits below (per-request costs are
 * fractions of a cent), an em dash for non-finite values.
 *
 * @example
 * formatUsd(44.4);      // '$44.40'
 * formatUsd(0.0014817); // '$0.001482'
 */
export function formatUsd(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (Math.abs(value) >= 1) return `$${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  if (value === 0) return '$0';
  return `$${Number(value.toPrecision(4))}`;
}
