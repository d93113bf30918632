import { GroundedError } from '../../core/errors.js';
import type { SearchFilter } from '../../core/search-filter.js';
import type { DocumentRows } from '../../core/store/chunk-reader.js';

const tagFields = ['tags', 'tag', 'keywords', 'categories'] as const;
const dateFields = ['updated', 'lastmod', 'modified', 'date'] as const;

/**
 * The chunk rows of the documents a filter accepts. Throws `INVALID_ARGUMENT` for a date that does not parse.
 *
 * @example
 * const allowed = allowedRows(store.documentRows('docs').documents, { pathPrefixes: ['guides/'] });
 */
export function allowedRows(documents: readonly DocumentRows[], filter: SearchFilter): Set<number> {
  const after = parseDate(filter.after, 'after');
  const before = parseDate(filter.before, 'before');
  const wanted = (filter.tags ?? []).map((tag) => tag.toLowerCase());
  const allowed = new Set<number>();
  for (const document of documents) {
    if (filter.pathPrefixes !== undefined && filter.pathPrefixes.length > 0 && !filter.pathPrefixes.some((prefix) => document.key.startsWith(prefix))) continue;
    if (wanted.length > 0) {
      const tags = new Set(documentTags(document.metadata));
      if (!wanted.every((tag) => tags.has(tag))) continue;
    }
    if (after !== undefined || before !== undefined) {
      const date = documentDate(document.metadata);
      if (date === undefined || (after !== undefined && date < after) || (before !== undefined && date >= before)) continue;
    }
    for (const row of document.rows) allowed.add(row);
  }
  return allowed;
}

function documentTags(metadata: Readonly<Record<string, unknown>>): string[] {
  return tagFields.flatMap((field) => {
    const value = metadata[field];
    if (typeof value === 'string') return value.split(',').map((tag) => tag.trim().toLowerCase());
    return Array.isArray(value) ? value.filter((tag): tag is string => typeof tag === 'string').map((tag) => tag.toLowerCase()) : [];
  });
}

function documentDate(metadata: Readonly<Record<string, unknown>>): number | undefined {
  for (const field of dateFields) {
    const value = metadata[field];
    if (typeof value === 'string' || typeof value === 'number') {
      const time = Date.parse(String(value));
      if (!Number.isNaN(time)) return time;
    }
  }
  return undefined;
}

function parseDate(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time)) {
    throw new GroundedError('INVALID_ARGUMENT', `--${name} '${value}' is not a date`, { hint: 'give an ISO date such as 2025-06-30' });
  }
  return time;
}
