import { test } from 'node:test';
import assert from 'node:assert/strict';
import { textLoader } from './text-loader.js';
import { isGroundedError } from '../../core/errors.js';

test('loads the normalized text with no headings and no title', async () => {
  const bytes = new TextEncoder().encode('# not a heading here\r\nline two\u0007');
  const { documents, problems } = await textLoader.load({ relativePath: 'notes/a.txt', bytes });
  assert.deepEqual(problems, []);
  assert.deepEqual(documents, [
    { key: 'notes/a.txt', title: '', text: '# not a heading here\nline two', headings: [], metadata: {} },
  ]);
});

test('rejects with INVALID_DATA for binary content', async () => {
  await assert.rejects(
    () => textLoader.load({ relativePath: 'a.txt', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]) }),
    (error) => isGroundedError(error, 'INVALID_DATA') && /binary/.test(error.message),
  );
});
