/**
 * Which documents a search may return, applied before ranking (so `k` matching passages come back whenever they
 * exist, not what is left of the top `k`). Every given condition must hold.
 *
 * @example
 * const filter: SearchFilter = { pathPrefixes: ['reference/'], tags: ['middleware'], after: '2025-01-01' };
 */
export interface SearchFilter {
  /** Document keys (paths relative to the ingested root, or record ids) starting with any of these. */
  readonly pathPrefixes?: readonly string[];
  /** Tags the document must all carry (front matter `tags`, `tag`, `keywords` or `categories`; case-insensitive). */
  readonly tags?: readonly string[];
  /**
   * Documents dated on or after / strictly before this ISO date or time, by front matter `updated`, `lastmod`,
   * `modified` or `date` (the first present). Undated documents are left out when a date condition is given.
   */
  readonly after?: string;
  readonly before?: string;
}
