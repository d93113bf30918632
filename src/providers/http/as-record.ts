/**
 * Narrows a value parsed from a provider's JSON to a plain object, or `undefined` (arrays and `null` included),
 * so adapters can read fields of untrusted replies without casts.
 *
 * @example
 * const usage = asRecord(asRecord(json)?.['usage']);
 * const tokens = typeof usage?.['prompt_tokens'] === 'number' ? usage['prompt_tokens'] : 0;
 */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
