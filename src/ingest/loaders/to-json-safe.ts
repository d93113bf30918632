import { GroundedError } from '../../core/errors.js';

/** Bounds of {@link toJsonSafe}: metadata is small; anything past these is hostile or a mistake. */
export interface JsonSafeLimits {
  /** Deepest nesting of objects and arrays; default 64 (JSON.stringify itself overflows the stack at a few thousand). */
  readonly maxDepth?: number;
  /** Most values in all (each object, array and scalar counts one); default 100,000. */
  readonly maxValues?: number;
}

/**
 * A deep copy of `value` that survives `JSON.stringify` unchanged: Dates become ISO strings (an invalid
 * Date becomes `null`), non-finite numbers become `null`, bigints become strings, and `undefined`, functions
 * and symbols are dropped from objects (`null` in arrays, as JSON does). Used for front matter, where YAML
 * turns `date: 2024-01-02` into a Date, and for JSON Lines metadata.
 *
 * The copy is bounded: a value nested deeper than `maxDepth`, or with more than `maxValues` values once shared
 * references are expanded (a YAML alias bomb: nine aliases of nine aliases of ... is a billion values), throws
 * `GroundedError('INVALID_DATA')` after at most `maxValues` steps, instead of exhausting the stack or the heap.
 *
 * @example
 * toJsonSafe({ date: new Date('2024-01-02'), tags: ['a'] }); // { date: '2024-01-02T00:00:00.000Z', tags: ['a'] }
 */
export function toJsonSafe(value: unknown, limits: JsonSafeLimits = {}): unknown {
  const maxDepth = limits.maxDepth ?? 64;
  const maxValues = limits.maxValues ?? 100_000;
  let values = 0;
  const copy = (item: unknown, depth: number): unknown => {
    values += 1;
    if (values > maxValues) {
      throw new GroundedError('INVALID_DATA', `metadata has more than ${maxValues.toLocaleString('en-US')} values`, {
        details: { maxValues },
        hint: 'shorten the metadata (front matter or record fields)',
      });
    }
    if (item === null || typeof item === 'string' || typeof item === 'boolean') return item;
    if (typeof item === 'number') return Number.isFinite(item) ? item : null;
    if (typeof item === 'bigint') return item.toString();
    if (item instanceof Date) return Number.isNaN(item.getTime()) ? null : item.toISOString();
    if (typeof item !== 'object') return undefined;
    if (depth >= maxDepth) {
      throw new GroundedError('INVALID_DATA', `metadata is nested deeper than ${maxDepth} levels`, {
        details: { maxDepth },
        hint: 'flatten the metadata (front matter or record fields)',
      });
    }
    if (Array.isArray(item)) return item.map((element: unknown) => copy(element, depth + 1) ?? null);
    const result: Record<string, unknown> = {};
    for (const [key, element] of Object.entries(item)) {
      const safe = copy(element, depth + 1);
      // defineProperty, not assignment: a `__proto__` key stays a plain key.
      if (safe !== undefined) Object.defineProperty(result, key, { value: safe, enumerable: true, writable: true, configurable: true });
    }
    return result;
  };
  return copy(value, 0);
}
