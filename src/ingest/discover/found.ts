import type { DiscoveredFile, DiscoveryProblem } from './discovered-file.js';

/** What a filter decides about a path found while discovering files. */
export interface Filters {
  readonly included: (relativePath: string) => boolean;
  readonly excluded: (relativePath: string) => boolean;
  readonly supported: (relativePath: string) => boolean;
  /** Whether a real (symlink-resolved) path may be read: inside an ingested path, or any when links are followed. */
  readonly allowed: (realPath: string) => boolean;
}

/** A file found, with its real path (symlinks resolved), which identifies it. */
export interface FoundFile extends DiscoveredFile {
  readonly realPath: string;
}

/** Files and problems found so far, filled in as paths are walked. */
export interface Found {
  readonly files: FoundFile[];
  readonly problems: DiscoveryProblem[];
}
