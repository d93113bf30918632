import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDefaultLoaders } from './create-default-loaders.js';

test('covers every built-in format with distinct extensions', () => {
  const loaders = createDefaultLoaders();
  assert.deepEqual(loaders.map((loader) => loader.format), ['markdown', 'html', 'text', 'jsonl']);
  const extensions = loaders.flatMap((loader) => loader.extensions);
  assert.equal(new Set(extensions).size, extensions.length);
  for (const extension of extensions) assert.match(extension, /^\.[a-z0-9]+$/);
});

test('passes the JSON Lines field mapping through', () => {
  const jsonl = createDefaultLoaders({ jsonl: { idField: 'qid', textFields: ['question'] } }).find((loader) => loader.format === 'jsonl');
  assert.ok(jsonl);
  const { documents } = jsonl.load({
    relativePath: 'faq.jsonl',
    bytes: new TextEncoder().encode('{"qid": "q1", "question": "Why?"}\n'),
  });
  assert.deepEqual(documents.map((document) => [document.key, document.text]), [['q1', 'Why?']]);
});
