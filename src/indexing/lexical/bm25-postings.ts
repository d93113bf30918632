import { createHash } from 'node:crypto';
import { GroundedError } from '../../core/errors.js';

/** Dense id -> caller row, plus postings in compressed-sparse-row form, weights final (idf × saturated tf). */
export interface Bm25Postings {
  readonly rows: Float64Array;
  readonly termIds: Map<string, number>;
  /** `offsets[t]..offsets[t + 1]` are term `t`'s postings. */
  readonly offsets: Int32Array;
  /** Dense chunk id of each posting. */
  readonly ids: Int32Array;
  readonly weights: Float32Array;
}

const magic = 'grounded-bm25';
// Version 2 appends a sha256 of everything before it: a damaged blob is refused instead of scoring with garbage.
const version = 2;
const digestBytes = 32;

/**
 * Serializes postings into one buffer: a JSON header (format, terms in id order, array lengths), then the typed
 * arrays' raw bytes, each 8-byte aligned, then a sha256 of all of it (~1 ms per MB to check). Loading it skips
 * re-reading and re-scoring every chunk.
 *
 * @example
 * const bytes = encodeBm25Postings(postings); // store it; decodeBm25Postings(bytes) gives them back
 */
export function encodeBm25Postings(postings: Bm25Postings): Uint8Array {
  const terms: string[] = new Array<string>(postings.termIds.size);
  for (const [term, id] of postings.termIds) terms[id] = term;
  const arrays = [postings.rows, postings.offsets, postings.ids, postings.weights];
  const header = Buffer.from(
    JSON.stringify({ magic, version, terms, lengths: arrays.map((array) => array.length) }),
    'utf8',
  );
  const headerEnd = align(4 + header.length);
  const total = arrays.reduce((sum, array) => sum + align(array.byteLength), headerEnd);
  const out = Buffer.alloc(total + digestBytes);
  out.writeUInt32LE(header.length, 0);
  header.copy(out, 4);
  let offset = headerEnd;
  for (const array of arrays) {
    out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), offset);
    offset += align(array.byteLength);
  }
  createHash('sha256').update(out.subarray(0, total)).digest().copy(out, total);
  return out;
}

/**
 * Reads postings written by {@link encodeBm25Postings}. Throws `STORE_CORRUPT` on anything else.
 *
 * @example
 * const postings = decodeBm25Postings(bytes);
 */
export function decodeBm25Postings(bytes: Uint8Array): Bm25Postings {
  const whole = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (whole.length < 4 + digestBytes) throw corrupt('truncated');
  const buffer = whole.subarray(0, whole.length - digestBytes);
  if (!createHash('sha256').update(buffer).digest().equals(whole.subarray(buffer.length))) throw corrupt('checksum mismatch');
  let header: { magic?: unknown; version?: unknown; terms?: unknown; lengths?: unknown };
  try {
    const length = buffer.readUInt32LE(0);
    header = JSON.parse(buffer.subarray(4, 4 + length).toString('utf8')) as typeof header;
  } catch (error) {
    throw corrupt('unreadable header', error);
  }
  if (header.magic !== magic || header.version !== version || !Array.isArray(header.terms) || !Array.isArray(header.lengths)) {
    throw corrupt('unknown format');
  }
  const [rowCount, offsetCount, idCount, weightCount] = header.lengths as number[];
  const terms = header.terms as string[];
  let offset = align(4 + buffer.readUInt32LE(0));
  // Copies into fresh, aligned buffers: the source may sit at any byte offset.
  const take = <T>(make: (source: ArrayBuffer) => T, count: number | undefined, bytesPer: number): T => {
    const byteLength = (count ?? 0) * bytesPer;
    if (offset + byteLength > buffer.length) throw corrupt('truncated');
    const copy = new Uint8Array(byteLength);
    copy.set(buffer.subarray(offset, offset + byteLength));
    offset += align(byteLength);
    return make(copy.buffer);
  };
  const rows = take((source) => new Float64Array(source), rowCount, 8);
  const offsets = take((source) => new Int32Array(source), offsetCount, 4);
  const ids = take((source) => new Int32Array(source), idCount, 4);
  const weights = take((source) => new Float32Array(source), weightCount, 4);
  if (offsets.length !== terms.length + 1 || ids.length !== weights.length) throw corrupt('inconsistent lengths');
  return { rows, termIds: new Map(terms.map((term, id) => [term, id])), offsets, ids, weights };
}

function align(bytes: number): number {
  return Math.ceil(bytes / 8) * 8;
}

function corrupt(reason: string, cause?: unknown): GroundedError {
  return new GroundedError('STORE_CORRUPT', `stored lexical index snapshot is damaged (${reason})`, {
    hint: 'grounded rebuilds it from the stored chunks on the next search or ingest',
    cause,
  });
}
