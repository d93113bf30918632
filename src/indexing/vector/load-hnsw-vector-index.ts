import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createUsearchIndex } from './create-usearch-index.js';
import { GroundedError } from '../../core/errors.js';
import { fileStamp } from './file-stamp.js';
import { hashFile } from './hash-file.js';
import { decodeHnswManifest, type HnswManifest } from './hnsw-manifest-codec.js';
import type { HnswVectorIndex } from './hnsw-vector-index.js';
import { wrapUsearchIndex } from './wrap-usearch-index.js';

/** Settings of {@link loadHnswVectorIndex}. */
export interface LoadHnswVectorIndexOptions {
  /**
   * Memory-map the graph instead of reading it: near-instant, pages load on demand, and the index is read-only
   * (`add`/`remove` throw). Default false.
   */
  readonly view?: boolean;
  /**
   * Check the graph's sha256 before handing it to usearch (~0.17 s per 160 MB). Default true: usearch trusts its
   * file, and a damaged one crashes the process (a segmentation fault) rather than throw. The hash is skipped when the
   * graph's `fileStamp` is the one the saver recorded after hashing it (the same inode, size and times: not written
   * since), so an index read where it was saved costs no hashing. Size and header are checked either way.
   */
  readonly verify?: boolean;
  /** Threads for later batch `add`s, as in `createHnswVectorIndex`. Default 0 (every core). */
  readonly threads?: number;
}

/** An index read back by {@link loadHnswVectorIndex}, with the `meta` it was saved with. */
export interface LoadedHnswVectorIndex {
  readonly index: HnswVectorIndex;
  readonly meta: string;
}

const USEARCH_MAGIC = 'usearch';

function corrupt(path: string, message: string, cause?: unknown): GroundedError {
  return new GroundedError('STORE_CORRUPT', `HNSW index at ${path} is damaged: ${message}`, {
    details: { path },
    hint: 'grounded rebuilds it from the stored vectors on the next search or ingest',
    cause,
  });
}

function readAt(path: string, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const descriptor = openSync(path, 'r');
  try {
    readSync(descriptor, buffer, 0, length, position);
  } finally {
    closeSync(descriptor);
  }
  return buffer;
}

/**
 * usearch's dense file: u32 vector count and u32 bytes per vector, the vectors, then a header holding `usearch`,
 * the version, four kind bytes, u64 present count, u64 deleted count and u64 dimensions (see `index_dense.hpp`).
 */
function checkGraph(path: string, graphPath: string, manifest: HnswManifest, verify: boolean): void {
  let size: number;
  try {
    size = statSync(graphPath).size;
  } catch (error) {
    throw corrupt(path, `its graph file ${graphPath} is missing`, error);
  }
  if (size !== manifest.graphBytes) throw corrupt(path, `graph is ${size} bytes, expected ${manifest.graphBytes}`);
  const prefix = readAt(graphPath, 0, 8);
  const headOffset = 8 + prefix.readUInt32LE(0) * prefix.readUInt32LE(4);
  const head = readAt(graphPath, headOffset, 41);
  const valid =
    headOffset + 41 <= size &&
    head.toString('latin1', 0, 7) === USEARCH_MAGIC &&
    head.readBigUInt64LE(17) === BigInt(manifest.rows.length) &&
    head.readBigUInt64LE(33) === BigInt(manifest.dimensions);
  if (!valid) throw corrupt(path, 'graph header does not match the manifest');
  if (verify && manifest.graphStamp !== fileStamp(graphPath) && hashFile(graphPath) !== manifest.graphSha256) {
    throw corrupt(path, 'graph checksum mismatch');
  }
}

/**
 * Loads an index saved by `saveHnswVectorIndex`. Returns `undefined` when nothing was saved at `path`; throws
 * `STORE_CORRUPT` when the manifest or its graph file is damaged, missing or inconsistent (delete and rebuild).
 * Compare the returned `meta` with the current model and generation: a different one means the index is stale.
 *
 * @example
 * const loaded = loadHnswVectorIndex('kb/vectors.hnsw', { view: true });
 * const index = loaded?.meta === expectedMeta ? loaded.index : rebuild();
 */
export function loadHnswVectorIndex(path: string, options: LoadHnswVectorIndexOptions = {}): LoadedHnswVectorIndex | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new GroundedError('FILE_UNREADABLE', `cannot read HNSW index at ${path}`, { details: { path }, cause: error });
  }
  const manifest = decodeHnswManifest(bytes);
  const graphPath = join(dirname(path), manifest.graphFile);
  checkGraph(path, graphPath, manifest, options.verify ?? true);
  const { dimensions, settings } = manifest;
  const native = createUsearchIndex(dimensions, settings);
  const view = options.view ?? false;
  try {
    if (view) native.view(graphPath);
    else native.load(graphPath);
  } catch (error) {
    throw corrupt(path, `usearch could not read the graph: ${String(error)}`, error);
  }
  if (native.size() !== manifest.rows.length || native.dimensions() !== dimensions) {
    throw corrupt(path, `graph holds ${native.size()} vectors of ${native.dimensions()}, the manifest ${manifest.rows.length} of ${dimensions}`);
  }
  const index = wrapUsearchIndex(native, {
    dimensions,
    settings,
    rows: manifest.rows,
    threads: options.threads ?? 0,
    readOnly: view,
  });
  return { index, meta: manifest.meta };
}
