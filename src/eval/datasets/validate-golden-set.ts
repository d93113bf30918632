import type { GoldenCase } from '../../core/golden-case.js';
import { findQuote } from './find-quote.js';

// The evaluation imports `resolveEvidence` from here: validation and scoring must agree on what "found" means.
export { resolveEvidence } from './resolve-evidence.js';

/** A golden source that cannot be scored as written, or only loosely. */
export interface SourceProblem {
  readonly caseId: string;
  readonly doc: string;
  /**
   * `unknown-doc`: no such document; `quote-not-found`: the quote is not in it (scoring falls back to the whole
   * document); `quote-inexact`: found only after collapsing white space (`whitespace`) or also ignoring case (`case`).
   */
  readonly problem: 'unknown-doc' | 'quote-not-found' | 'quote-inexact';
  readonly match?: 'whitespace' | 'case';
  /** One line for people, e.g. `case 'q3': quote matches 'a.md' only when ignoring case and white space`. */
  readonly reason: string;
}

/** What {@link validateGoldenSet} found. */
export interface GoldenSetValidation {
  /** Sources checked (every source of every case). */
  readonly sources: number;
  /** Sources whose quote matched verbatim or that have no quote (the whole document is the evidence). */
  readonly exact: number;
  readonly problems: readonly SourceProblem[];
}

/**
 * Checks every source of every case against the corpus: the document must exist and its quote must occur in the
 * document's normalized text. Quotes are tried verbatim first, then with white space collapsed, then also ignoring
 * case; a loose match is reported as `quote-inexact` with the kind of match (scoring still resolves it). Each
 * document is looked up once.
 *
 * @param lookup a document's normalized text by key, undefined for an unknown document.
 * @example
 * const texts = new Map([['a.md', 'Requests are buffered on disk.']]);
 * validateGoldenSet(cases, (doc) => texts.get(doc)).problems; // [{ caseId: 'q1', problem: 'unknown-doc', ... }]
 */
export function validateGoldenSet(
  cases: readonly GoldenCase[],
  lookup: (doc: string) => string | undefined,
): GoldenSetValidation {
  const texts = new Map<string, string | undefined>();
  const textOf = (doc: string): string | undefined => {
    if (!texts.has(doc)) texts.set(doc, lookup(doc));
    return texts.get(doc);
  };
  const problems: SourceProblem[] = [];
  let sources = 0;
  let exact = 0;
  for (const golden of cases) {
    for (const { doc, quote } of golden.sources) {
      sources += 1;
      const text = textOf(doc);
      const where = `case '${golden.id}'`;
      if (text === undefined) {
        problems.push({ caseId: golden.id, doc, problem: 'unknown-doc', reason: `${where}: unknown document '${doc}'` });
        continue;
      }
      if (quote === undefined || quote.trim() === '') {
        exact += 1;
        continue;
      }
      const span = findQuote(quote, text);
      if (span === undefined) {
        problems.push({ caseId: golden.id, doc, problem: 'quote-not-found', reason: `${where}: quote not found in '${doc}'` });
      } else if (span.match === 'exact') {
        exact += 1;
      } else {
        const ignoring = span.match === 'whitespace' ? 'white space' : 'case and white space';
        problems.push({
          caseId: golden.id,
          doc,
          problem: 'quote-inexact',
          match: span.match,
          reason: `${where}: quote matches '${doc}' only when ignoring ${ignoring}`,
        });
      }
    }
  }
  return { sources, exact, problems };
}
