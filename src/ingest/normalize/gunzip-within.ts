import { constants as bufferConstants } from 'node:buffer';
import { gunzipSync } from 'node:zlib';
import { GroundedError } from '../../core/errors.js';
import { formatMebibytes } from './format-mebibytes.js';

/**
 * Gunzips `bytes`, refusing output over `maxBytes`: decompression stops as soon as the output passes the limit,
 * so a small gzip bomb (1 MB expanding to 1 GiB) costs about `maxBytes` of memory and a few milliseconds, never
 * its full size. Concatenated gzip members are all decompressed, as `gunzip` does.
 *
 * `maxBytes` is a positive byte count (values over the largest possible Buffer mean no limit); `setting` names the
 * configuration key that sets it, for the message. Throws `GroundedError('INVALID_DATA')` when the output would pass
 * `maxBytes` and when `bytes` is not a valid gzip file (bad header, corrupt or cut-short data).
 *
 * @example
 * const bytes = gunzipWithin(await readFile('docs/guide.md.gz'), 16 * 1024 * 1024);
 */
export function gunzipWithin(bytes: Uint8Array, maxBytes: number, setting = 'ingest.maxFileBytes'): Uint8Array {
  try {
    // zlib collects output in small chunks and throws ERR_BUFFER_TOO_LARGE once their total passes the limit.
    return gunzipSync(bytes, { maxOutputLength: Math.min(maxBytes, bufferConstants.MAX_LENGTH) });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new GroundedError(
        'INVALID_DATA',
        `gzip file decompresses to more than ${formatMebibytes(maxBytes)}, over the ${setting} limit; raise it or split the file`,
        {
          details: { limitBytes: maxBytes, compressedBytes: bytes.byteLength },
          hint: `raise ${setting} in grounded.config.json, or split the file before compressing it`,
          cause: error,
        },
      );
    }
    throw new GroundedError('INVALID_DATA', `not a valid gzip file: ${(error as Error).message}`, {
      details: { compressedBytes: bytes.byteLength },
      hint: 'check that the file is really gzip (`gzip -t FILE`), or leave it out with --exclude',
      cause: error,
    });
  }
}
