import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { createGzip, gzipSync } from 'node:zlib';
import { gunzipWithin } from './gunzip-within.js';
import { isGroundedError, type GroundedError } from '../../core/errors.js';

const MiB = 1024 * 1024;

function gunzipError(bytes: Uint8Array, maxBytes: number, setting?: string): GroundedError {
  try {
    gunzipWithin(bytes, maxBytes, setting);
  } catch (error) {
    assert.ok(isGroundedError(error, 'INVALID_DATA'), `expected INVALID_DATA, got ${String(error)}`);
    assert.ok(error.hint);
    return error;
  }
  assert.fail('gunzipWithin did not throw');
}

test('returns the decompressed bytes up to and including exactly the limit', () => {
  const text = 'grounded '.repeat(1000);
  const compressed = gzipSync(text);
  assert.equal(Buffer.from(gunzipWithin(compressed, text.length)).toString('utf8'), text);
  assert.match(gunzipError(compressed, text.length - 1).message, /decompresses to more than 0\.0 MiB, over the ingest\.maxFileBytes limit/);
});

test('decompresses every member of a concatenated gzip file', () => {
  const bytes = Buffer.concat([gzipSync('first '), gzipSync('second')]);
  assert.equal(Buffer.from(gunzipWithin(bytes, 100)).toString('utf8'), 'first second');
});

test('stops a 1 GiB gzip bomb at the limit, quickly and without allocating its size', async () => {
  const zeros = Buffer.alloc(MiB);
  const source = Readable.from((function* () {
    for (let index = 0; index < 1024; index++) yield zeros;
  })());
  const bomb = await buffer(source.pipe(createGzip({ level: 1 })));
  assert.ok(bomb.length < 8 * MiB, `the bomb is small: ${bomb.length} bytes`);
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const error = gunzipError(bomb, 16 * MiB, 'ingest.maxJsonlFileBytes');
  const elapsed = performance.now() - started;
  const grown = process.memoryUsage().rss - rssBefore;
  assert.match(error.message, /decompresses to more than 16\.0 MiB, over the ingest\.maxJsonlFileBytes limit; raise it/);
  assert.match(error.hint ?? '', /ingest\.maxJsonlFileBytes/);
  assert.equal(error.details.limitBytes, 16 * MiB);
  // Decompressing all of it takes over a second and 1 GiB; stopping at 16 MiB takes a few milliseconds.
  assert.ok(elapsed < 1000, `took ${elapsed.toFixed(0)} ms`);
  assert.ok(grown < 200 * MiB, `resident memory grew by ${(grown / MiB).toFixed(0)} MiB`);
});

test('rejects bytes that are not gzip, or gzip cut short or corrupted', () => {
  const valid = gzipSync('some text that is long enough to corrupt '.repeat(20));
  const corrupted = Buffer.from(valid);
  corrupted[valid.length - 5] = (corrupted[valid.length - 5] ?? 0) ^ 0xff; // the length/CRC trailer
  for (const bytes of [Buffer.from('# plain markdown\n'), valid.subarray(0, valid.length - 10), corrupted]) {
    assert.match(gunzipError(bytes, MiB).message, /^not a valid gzip file: /);
  }
});
