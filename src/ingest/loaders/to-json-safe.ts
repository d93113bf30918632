/**
 * A deep copy of `value` that survives `JSON.stringify` unchanged: Dates become ISO strings (an invalid
 * Date becomes `null`), non-finite numbers become `null`, bigints become strings, and `undefined`, functions
 * and symbols are dropped from objects (`null` in arrays, as JSON does). Used for front matter, where YAML
 * turns `date: 2024-01-02` into a Date.
 *
 * @example
 * toJsonSafe({ date: new Date('2024-01-02'), tags: ['a'] }); // { date: '2024-01-02T00:00:00.000Z', tags: ['a'] }
 */
export function toJsonSafe(value: unknown): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Array.isArray(value)) return value.map((item) => toJsonSafe(item) ?? null);
  if (typeof value === 'object') {
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const safe = toJsonSafe(item);
      if (safe !== undefined) result[key] = safe;
    }
    return result;
  }
  return undefined;
}
