import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import type { SourceRecord } from '../../core/store/source-writer.js';
import type { DiscoveredFile, DiscoveryProblem } from '../discover/discovered-file.js';
import { sourceId } from './source-id.js';

export interface MissingSources {
  /** Sources to delete: gone from disk, refused by discovery, or (with prune) left out by the filters. */
  readonly removals: { root: string; path: string }[];
  /** Sources under something unreadable, kept as they were. */
  readonly kept: number;
  /** Sources still on disk that the filters leave out, kept because prune is off. */
  readonly leftOut: number;
}

/**
 * Decides what happens to each tracked source under a synced folder that discovery did not return. A source is
 * removed only when it is proven gone (its path no longer exists), when discovery refused it, or with `prune` when
 * it is still there but left out by the filters. Anything unreadable (the file, any folder above it, or its very
 * existence) keeps its last good version: a read failure is never taken for a deletion.
 */
export async function findRemovals(
  files: readonly DiscoveredFile[],
  known: ReadonlyMap<string, SourceRecord>,
  folders: ReadonlySet<string>,
  problems: readonly DiscoveryProblem[],
  prune: boolean,
): Promise<MissingSources> {
  const found = new Set(files.map((file) => sourceId(file.root, file.relativePath)));
  const removals: { root: string; path: string }[] = [];
  let kept = 0;
  let leftOut = 0;
  for (const source of known.values()) {
    if (!folders.has(source.root) || found.has(sourceId(source.root, source.path))) continue;
    const problem = problemCovering(problems, source);
    if (problem?.kind === 'unreadable') {
      kept += 1;
      continue;
    }
    const presence = problem?.kind === 'refused' ? 'refused' : await presenceOf(join(source.root, source.path));
    if (presence === 'unknown') kept += 1;
    else if (presence === 'present' && !prune) leftOut += 1;
    else removals.push({ root: source.root, path: source.path });
  }
  return { removals, kept, leftOut };
}

/** The discovery problem about a source: one naming its path, or an unreadable folder above it. */
function problemCovering(problems: readonly DiscoveryProblem[], source: SourceRecord): DiscoveryProblem | undefined {
  return problems.find((problem) => {
    if (problem.root !== undefined && problem.root !== source.root) return false;
    if (problem.path === source.path) return true;
    return problem.folder === true && (problem.path === '.' || source.path.startsWith(`${problem.path}/`));
  });
}

/** Whether a path is still a file on disk: `gone` only when the file system says so (no such file, or a folder now). */
async function presenceOf(path: string): Promise<'present' | 'gone' | 'unknown'> {
  try {
    const info = await lstat(path);
    return info.isFile() || info.isSymbolicLink() ? 'present' : 'gone';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'gone' : 'unknown';
  }
}
