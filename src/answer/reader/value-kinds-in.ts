import type { ValueKind } from './expected-value-kinds.js';

// What a value of each kind looks like in documentation text. Kept deliberately literal: a false match only makes a
// passage a little more attractive, a miss leaves it to term coverage.
const patterns: Readonly<Record<Exclude<ValueKind, 'list' | 'polar'>, RegExp>> = {
  duration: /\b\d+(\.\d+)?\s*(ns|us|µs|ms|s|m|h|d|w|y|sec|secs|seconds?|mins?|minutes?|hours?|hrs?|days?|weeks?|months?|years?)\b/i,
  size: /\b\d+(\.\d+)?\s*(b|bytes?|k|kb|kib|m|mb|mib|g|gb|gib|t|tb|tib)\b|\b\d{4,}\b/i,
  port: /(:\d{2,5}\b|\bports?\s+`?\d{2,5}\b|\b\d{4,5}\b)/i,
  number: /\b\d+(\.\d+)?\b/,
  status: /\b[1-5]\d\d\b/,
  identifier: /`[^`\n]+`|--?[a-z][\w-]+|\b[a-z]+[A-Z]\w*\b|\b[A-Z][a-z]+[A-Z]\w*\b|\b\w+\.\w+(\.\w+)*\b|\b[A-Z]{2,}(_[A-Z]+)+\b|\b[A-Z][\w-]*-[A-Z][\w-]*\b/,
  version: /\bv?\d+\.\d+(\.\d+)?\b/,
};

/**
 * The kinds of value that occur in a piece of text: durations (`10s`, `90 days`), sizes (`2MB`, `1048576`), ports,
 * numbers, HTTP status codes, identifiers (code spans, flags, camelCase keys, dotted options, header names) and versions.
 * A list item or table row is a `list` value; a sentence with a negation or a restriction answers a `polar` question.
 *
 * @example
 * valueKindsIn('| `readTimeout` | 60s |', 'row'); // Set { 'duration', 'number', 'identifier', 'list', ... }
 */
export function valueKindsIn(text: string, unit: 'sentence' | 'row' | 'item' | 'pair' | 'code'): ReadonlySet<ValueKind> {
  const kinds = new Set<ValueKind>();
  for (const [kind, pattern] of Object.entries(patterns) as [ValueKind, RegExp][]) if (pattern.test(text)) kinds.add(kind);
  if (unit === 'row' || unit === 'item') kinds.add('list');
  if (/\b(not|no|never|cannot|can't|only|must|mutually exclusive|unsupported|supported|requires?|yes)\b/i.test(text)) kinds.add('polar');
  return kinds;
}
