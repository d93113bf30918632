import type { SkipList } from './skip-list.js';

/** What a sync has done so far, filled in as files are prepared and batches written. */
export interface SyncCounters {
  added: number;
  updated: number;
  unchanged: number;
  documents: number;
  chunks: number;
  skipped: SkipList;
}
