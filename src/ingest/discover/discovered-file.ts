/** A file found by `discoverFiles`. */
export interface DiscoveredFile {
  /** Absolute folder the file was found under (a named file's parent folder). */
  readonly root: string;
  /** Path under `root`, `/`-separated. */
  readonly relativePath: string;
  readonly absolutePath: string;
  /** Size in bytes. */
  readonly size: number;
}

/** A file that was found but cannot be used. */
export interface DiscoveryProblem {
  /** `relativePath` for a file found in a folder; the path as given for a file named explicitly. */
  readonly path: string;
  readonly reason: string;
  /**
   * The root folder `path` is under, for problems found while walking a folder. A folder that could not be read
   * has its own path here (`.` for the root itself): everything under it keeps its last good version.
   */
  readonly root?: string;
  /**
   * `unreadable`: the file or folder is there but could not be read; what was ingested from it keeps its last good
   * version. `refused`: it is readable but must not be ingested (a link outside the ingested folders); what was
   * ingested from it is removed.
   */
  readonly kind?: 'unreadable' | 'refused';
  /** True when `path` is a folder (everything under it is covered). */
  readonly folder?: boolean;
}
