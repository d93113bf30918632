import type { GoldenSource } from '../../core/golden-case.js';
import { findQuote } from './find-quote.js';

/**
 * The character span of a golden source in its document's normalized text: the whole document when the source has no
 * quote (or a blank one); otherwise the quote's first occurrence, found verbatim, else with white space collapsed,
 * else also ignoring case (see {@link findQuote}); undefined when the quote is not in the document.
 *
 * @example
 * resolveEvidence({ doc: 'a.md', quote: 'buffered on disk' }, 'Requests are buffered on disk.'); // { start: 13, end: 29 }
 * resolveEvidence({ doc: 'a.md' }, 'Requests are buffered on disk.');                        // { start: 0, end: 30 }
 */
export function resolveEvidence(source: GoldenSource, documentText: string): { start: number; end: number } | undefined {
  if (source.quote === undefined || source.quote.trim() === '') return { start: 0, end: documentText.length };
  const span = findQuote(source.quote, documentText);
  return span === undefined ? undefined : { start: span.start, end: span.end };
}
