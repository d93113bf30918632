/** A file (or part of one) that was not ingested, and why. */
export interface SkippedFile {
  /** Path relative to its root; `path:line` for one bad record of a JSON Lines file. */
  readonly path: string;
  readonly reason: string;
}

/** What one sync did. Counts are of source files; `documents` and `chunks` of what was (re)indexed. */
export interface SyncReport {
  readonly kb: string;
  readonly added: number;
  readonly updated: number;
  readonly removed: number;
  readonly unchanged: number;
  /**
   * Tracked files that could not be read this time (the file, or a folder above it): each keeps its last good
   * version. Listed in `skipped` with the reason.
   */
  readonly kept: number;
  /**
   * Tracked files still on disk that this sync's include/exclude (or .gitignore) rules leave out: kept as they were,
   * unless `prune` is set, which removes them (they are then in `removedPaths`).
   */
  readonly leftOut: number;
  /** Paths (relative to their root) of the files removed: deleted from disk, refused, or pruned. */
  readonly removedPaths: readonly string[];
  /** The first {@link maxListedSkips} files or records skipped; `skippedTotal` counts them all. */
  readonly skipped: readonly SkippedFile[];
  readonly skippedTotal: number;
  /** Documents written by this sync. */
  readonly documents: number;
  /** Chunks written by this sync. */
  readonly chunks: number;
  readonly totalDocuments: number;
  readonly totalChunks: number;
  readonly ms: number;
}

/** Most skipped files or records listed in a report (a file of a million bad records would otherwise list them all). */
export const maxListedSkips = 1000;
