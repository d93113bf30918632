import { createHash } from 'node:crypto';
import { GroundedError } from '../../core/errors.js';
import type { HnswSettings } from './hnsw-vector-index.js';

/** What a saved HNSW index records besides the usearch graph file itself. */
export interface HnswManifest {
  /** The caller's string (e.g. model id and knowledge base generation), to tell a stale file. */
  readonly meta: string;
  readonly dimensions: number;
  readonly settings: HnswSettings;
  /** File name of the graph, in the manifest's folder. */
  readonly graphFile: string;
  readonly graphBytes: number;
  readonly graphSha256: string;
  /**
   * The graph file's `fileStamp` taken right after it was written and hashed: a loader that finds the same stamp
   * can skip re-hashing it. Absent in manifests written before it existed.
   */
  readonly graphStamp?: string;
  /** Every indexed row (usearch cannot list its keys). */
  readonly rows: Float64Array;
}

const MAGIC = 'GRNDHNSW';
const VERSION = 1;
const DIGEST_BYTES = 32;

function corrupt(message: string, cause?: unknown): GroundedError {
  return new GroundedError('STORE_CORRUPT', `HNSW index manifest is damaged: ${message}`, {
    hint: 'grounded rebuilds it from the stored vectors on the next search or ingest',
    cause,
  });
}

/**
 * Encodes a manifest as bytes: the magic `GRNDHNSW`, a u32 format version, a u32 length and a JSON header, zero
 * padding to 8 bytes, the rows as little-endian float64s, and a sha256 of everything before it.
 *
 * @example
 * writeFileSync(path, encodeHnswManifest(manifest));
 */
export function encodeHnswManifest(manifest: HnswManifest): Uint8Array {
  const { rows, ...header } = manifest;
  const json = Buffer.from(JSON.stringify({ ...header, rowCount: rows.length }), 'utf8');
  const rowsOffset = Math.ceil((16 + json.length) / 8) * 8;
  const bytes = Buffer.alloc(rowsOffset + rows.length * 8 + DIGEST_BYTES);
  bytes.write(MAGIC, 0, 'latin1');
  bytes.writeUInt32LE(VERSION, 8);
  bytes.writeUInt32LE(json.length, 12);
  json.copy(bytes, 16);
  rows.forEach((row, position) => bytes.writeDoubleLE(row, rowsOffset + position * 8));
  const body = bytes.subarray(0, bytes.length - DIGEST_BYTES);
  createHash('sha256').update(body).digest().copy(bytes, body.length);
  return bytes;
}

/**
 * Decodes {@link encodeHnswManifest}'s bytes; throws `STORE_CORRUPT` on a wrong magic or version, a checksum
 * mismatch or a malformed header.
 *
 * @example
 * const manifest = decodeHnswManifest(readFileSync(path));
 */
export function decodeHnswManifest(data: Uint8Array): HnswManifest {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (bytes.length < 16 + DIGEST_BYTES || bytes.toString('latin1', 0, 8) !== MAGIC) throw corrupt('not an HNSW index manifest');
  if (bytes.readUInt32LE(8) !== VERSION) throw corrupt(`unknown format version ${bytes.readUInt32LE(8)}`);
  const body = bytes.subarray(0, bytes.length - DIGEST_BYTES);
  if (!createHash('sha256').update(body).digest().equals(bytes.subarray(body.length))) throw corrupt('checksum mismatch');
  const jsonLength = bytes.readUInt32LE(12);
  let header: Omit<HnswManifest, 'rows'> & { rowCount: number };
  try {
    header = JSON.parse(bytes.toString('utf8', 16, 16 + jsonLength)) as typeof header;
  } catch (error) {
    throw corrupt('unreadable header', error);
  }
  const rowsOffset = Math.ceil((16 + jsonLength) / 8) * 8;
  const valid =
    typeof header.meta === 'string' &&
    Number.isInteger(header.dimensions) &&
    typeof header.graphFile === 'string' &&
    Number.isInteger(header.graphBytes) &&
    typeof header.graphSha256 === 'string' &&
    (header.graphStamp === undefined || typeof header.graphStamp === 'string') &&
    Number.isInteger(header.settings?.connectivity) &&
    Number.isInteger(header.settings?.expansionAdd) &&
    Number.isInteger(header.settings?.expansionSearch) &&
    rowsOffset + header.rowCount * 8 === body.length;
  if (!valid) throw corrupt('malformed header');
  const rows = new Float64Array(header.rowCount);
  for (let position = 0; position < rows.length; position++) rows[position] = bytes.readDoubleLE(rowsOffset + position * 8);
  const { meta, dimensions, settings, graphFile, graphBytes, graphSha256, graphStamp } = header;
  return { meta, dimensions, settings: { ...settings }, graphFile, graphBytes, graphSha256, ...(graphStamp === undefined ? {} : { graphStamp }), rows };
}
