import type { EvidenceSpan } from '../../core/golden-case.js';

/**
 * True when two document spans share at least one character: same `doc` and the half-open character ranges
 * `[start, end)` intersect. Touching spans (`end === other.start`) and empty spans do not overlap.
 *
 * @example
 * spansOverlap({ doc: 'a.md', start: 0, end: 10 }, { doc: 'a.md', start: 9, end: 20 }); // true
 * spansOverlap({ doc: 'a.md', start: 0, end: 10 }, { doc: 'a.md', start: 10, end: 20 }); // false
 */
export function spansOverlap(a: EvidenceSpan, b: EvidenceSpan): boolean {
  return a.doc === b.doc && a.start < b.end && b.start < a.end;
}
