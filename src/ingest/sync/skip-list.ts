import { maxListedSkips, type SkippedFile } from './sync-report.js';

/** The skipped list of a report: the first {@link maxListedSkips} entries, and a count of all. */
export class SkipList {
  readonly listed: SkippedFile[] = [];
  total = 0;

  /** Counts each skip, and lists it while the list is not full. */
  push(...skips: SkippedFile[]): void {
    for (const skip of skips) {
      this.total += 1;
      if (this.listed.length < maxListedSkips) this.listed.push(skip);
    }
  }
}
