import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { GroundedError } from '../../core/errors.js';
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
 * Saves an HNSW index at `path` atomically, with `meta` (e.g. embedding model id and knowledge base generation) that
 * `loadHnswVectorIndex` hands back so the caller can tell a stale file.
 *
 * Two files: the usearch graph under a fresh name (`<path>.<random>.usearch`), then the manifest at `path` (rows,
 * settings, meta, the graph's name, size and sha256), written to a temporary file and renamed into place. The rename
 * is the commit: a reader sees the old pair or the new pair, never a mix, and a crash before it leaves the old
 * index intact. The previous graph file is deleted after the commit. Concurrent saves to one path are not supported.
 *
 * @example
 * saveHnswVectorIndex(index, 'kb/vectors.hnsw', `${embedder.modelId}@${generation}`);
 */
export function saveHnswVectorIndex(index: HnswVectorIndex, path: string, meta: string): SavedHnswVectorIndex {
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
      throw new GroundedError('INTERNAL', `usearch failed to write ${graphPath}: ${String(error)}`, { cause: error });
    }
    syncFile(graphPath);
    const manifest = encodeHnswManifest({
      meta,
      dimensions: index.dimensions,
      settings: index.settings,
      graphFile,
      graphBytes: statSync(graphPath).size,
      graphSha256: hashFile(graphPath),
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
    return { path, graphPath, bytes: manifest.length + statSync(graphPath).size };
  } catch (error) {
    rmSync(temporary, { force: true });
    rmSync(graphPath, { force: true });
    throw error;
  }
}
