import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { GroundedError } from '../../core/errors.js';

/**
 * Reads a UTF-8 dataset file, gunzipping it when it is gzip data (by content, so `x.json.gz` and a misnamed file
 * both work), and drops a leading byte-order mark. Throws `PATH_NOT_FOUND` for a missing file and `FILE_UNREADABLE`
 * for anything else that stops the read (a folder, no permission, corrupt gzip).
 *
 * @example
 * const json = readTextFile('../shared/datasets/squad-v2-cs224n-dev/dev-v2.0.json.gz');
 */
export function readTextFile(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new GroundedError('PATH_NOT_FOUND', `no such file: ${path}`, { details: { path }, hint: 'check the path' });
    }
    throw new GroundedError('FILE_UNREADABLE', `cannot read ${path}: ${(error as Error).message}`, {
      details: { path },
      hint: 'point at a readable file (gzip is fine)',
      cause: error,
    });
  }
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
