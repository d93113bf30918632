import type { Citation } from '../../core/answer.js';
import type { EvidenceSpan } from '../../core/golden-case.js';
import { normalizeAnswer } from './normalize-answer.js';
import { spansOverlap } from './spans-overlap.js';

/** Citation precision and recall of one answer; null where the measure is undefined. */
export interface CitationScores {
  /** Supported citations / citations; null when the answer cites nothing. */
  readonly precision: number | null;
  /** Share of evidence spans overlapped by at least one citation; null when the case has no evidence. */
  readonly recall: number | null;
}

/**
 * Citation precision and recall against a case's evidence. A citation is *supported* when its span overlaps an
 * evidence span (see {@link spansOverlap}) or its quote contains an accepted answer. The containment is checked on
 * {@link normalizeAnswer}-normalized text at token boundaries, so the answer `"5"` is not found in a quote that
 * only says `"500"`; answers that normalize to nothing are ignored.
 *
 * @example
 * citationScores(
 *   [{ n: 1, doc: 'a.md', start: 0, end: 40, quote: 'The limit is 1,048,576 bytes.', chunkId: 'c1' }],
 *   [{ doc: 'b.md', start: 0, end: 10 }],
 *   ['1048576'],
 * ); // { precision: 1 (quote contains the answer), recall: 0 (b.md never cited) }
 */
export function citationScores(
  citations: readonly Citation[],
  evidence: readonly EvidenceSpan[],
  answers: readonly string[],
): CitationScores {
  const needles = answers.map(normalizeAnswer).filter((answer) => answer.length > 0).map((answer) => ` ${answer} `);
  const supported = citations.filter((citation) => {
    if (evidence.some((span) => spansOverlap(citation, span))) return true;
    const quote = ` ${normalizeAnswer(citation.quote)} `;
    return needles.some((needle) => quote.includes(needle));
  }).length;
  const found = evidence.filter((span) => citations.some((citation) => spansOverlap(citation, span))).length;
  return {
    precision: citations.length === 0 ? null : supported / citations.length,
    recall: evidence.length === 0 ? null : found / evidence.length,
  };
}
