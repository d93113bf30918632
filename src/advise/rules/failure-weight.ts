import type { SliceEvidence } from '../advice-report.js';

/**
 * Share of cases that must pass for a slice to count as passing: 95%. Below it the failures are worth acting on;
 * above it a single flaky case would drive the advice.
 */
export const passingShare = 0.95;

/**
 * The vote weight of `count` failures of one kind in a slice: 3 when they are at least half of the slice's failures,
 * 2 from a fifth, 1 below; 0 when there are none or the slice passes ({@link passingShare}).
 *
 * @example
 * failureWeight(8, slice); // 3 when slice.failed is 10 of 10 cases
 */
export function failureWeight(count: number, slice: SliceEvidence): number {
  if (count === 0 || slice.cases === 0 || (slice.cases - slice.failed) / slice.cases >= passingShare) return 0;
  const share = count / Math.max(1, slice.failed);
  return share >= 0.5 ? 3 : share >= 0.2 ? 2 : 1;
}
