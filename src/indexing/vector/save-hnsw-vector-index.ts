import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { GroundedError } from '../../core/errors.js';
import { diskFullError } from '../file-errors/disk-full-error.js';
import { isNearlyFull } from '../file-errors/is-nearly-full.js';
import { readOnlyError } from '../file-errors/read-only-error.js';
import { toFileSystemError } from '../file-errors/to-file-system-error.js';
import { unwritableReason } from '../file-errors/unwritable-reason.js';
import { fileStamp } from './file-stamp.js';
import { hashFile } from './hash-file.js';
import { decodeHnswManifest, encodeHnswManifest } from './hnsw-manifest-codec.js';
import type { HnswVectorIndex } from './hnsw-vector-index.js';

/** What {@link saveHnswVectorIndex} wrote. */
export interface SavedHnswVectorIndex {
  /** The manifest: the path to pass to `loadHnswVectorIndex`. */
  readonly path: string;
  /** The usearch graph file the manifest names, next to it. */
  readonly graphPath: string;
  /** Manifest plus graph. */
  readonly bytes: number;
}

function syncFile(path: string): void {
  const descriptor = openSync(path, 'r');
  try {
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
}

function previousGraph(path: string): string | undefined {
  try {
    return decodeHnswManifest(readFileSync(path)).graphFile;
  } catch {
    return undefined;
  }
}

/**
 * How old a graph or temporary file no manifest names must be before a save deletes it: older than any save takes,
 * so a concurrent save's file, not yet committed, is never taken for an orphan.
 */
export const orphanAgeMs = 10 * 60 * 1000;

/**
 * Deletes the files of earlier saves to `path` that the manifest no longer names: graphs whose manifest was lost or
 * damaged, temporary files of an interrupted save. Without this each one would stay on disk for good.
 */
function removeOrphans(folder: string, manifestName: string, keep: string): void {
  const prefix = `${manifestName}.`;
  const now = Date.now();
  for (const name of readdirSync(folder)) {
    if (name === keep || !name.startsWith(prefix) || !(name.endsWith('.usearch') || name.endsWith('.tmp'))) continue;
    try {
      if (now - statSync(join(folder, name)).mtimeMs > orphanAgeMs) rmSync(join(folder, name), { force: true });
    } catch {
      // Gone already (another save cleaned up), or not ours to delete: either way nothing to do.
    }
  }
}

/**
 * Saves an HNSW index at `path` atomically, with `meta` (e.g. embedding model id and knowledge base generation) that
 * `loadHnswVectorIndex` hands back so the caller can tell a stale file.
 *
 * Two files: the usearch graph under a fresh name (`<path>.<random>.usearch`), then the manifest at `path` (rows,
 * settings, meta, the graph's name, size and sha256), written to a temporary file and renamed into place. The rename
 * is the commit: a reader sees the old pair or the new pair, never a mix, and a crash before it leaves the old
 * index intact. The previous graph file is deleted after the commit, and so are graph and temporary files of earlier
 * saves that no manifest names once they are {@link orphanAgeMs} old (a lost or damaged manifest's graph). Two saves
 * to one path at once each commit whole and the last rename wins. A full disk throws `DISK_FULL`, a folder this
 * process cannot write `STORE_READ_ONLY`.
 *
 * @example
 * saveHnswVectorIndex(index, 'kb/vectors.hnsw', `${embedder.modelId}@${generation}`);
 */
export function saveHnswVectorIndex(index: HnswVectorIndex, path: string, meta: string): SavedHnswVectorIndex {
  try {
    return save(index, path, meta);
  } catch (error) {
    throw toFileSystemError(error, dirname(path), 'the HNSW index');
  }
}

function save(index: HnswVectorIndex, path: string, meta: string): SavedHnswVectorIndex {
  const folder = dirname(path);
  mkdirSync(folder, { recursive: true });
  const old = previousGraph(path);
  const token = randomBytes(6).toString('hex');
  const graphFile = `${basename(path)}.${token}.usearch`;
  const graphPath = join(folder, graphFile);
  const temporary = `${path}.${token}.tmp`;
  try {
    try {
      index.writeGraph(graphPath);
    } catch (error) {
      // usearch says only that the write failed: the folder says why.
      if (isNearlyFull(folder)) throw diskFullError(folder, 'the HNSW index', error);
      const reason = unwritableReason(folder);
      if (reason !== undefined) throw readOnlyError(folder, 'the HNSW index', reason, error);
      throw new GroundedError('INTERNAL', `usearch failed to write ${graphPath}: ${String(error)}`, { cause: error });
    }
    syncFile(graphPath);
    const graphSha256 = hashFile(graphPath);
    const manifest = encodeHnswManifest({
      meta,
      dimensions: index.dimensions,
      settings: index.settings,
      graphFile,
      graphBytes: statSync(graphPath).size,
      graphSha256,
      graphStamp: fileStamp(graphPath),
      rows: Float64Array.from(index.rows()),
    });
    writeFileSync(temporary, manifest);
    syncFile(temporary);
    renameSync(temporary, path);
    try {
      syncFile(folder);
    } catch {
      // Some file systems cannot fsync a directory; the rename itself is still atomic.
    }
    if (old !== undefined && old !== graphFile) rmSync(join(folder, old), { force: true });
    removeOrphans(folder, basename(path), graphFile);
    return { path, graphPath, bytes: manifest.length + statSync(graphPath).size };
  } catch (error) {
    rmSync(temporary, { force: true });
    rmSync(graphPath, { force: true });
    throw error;
  }
}
