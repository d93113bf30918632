import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDefaultLoaders } from './create-default-loaders.js';
import { listLoadedModules } from '../../../test/support/list-loaded-modules.js';

test('covers every built-in format with distinct extensions', () => {
  const loaders = createDefaultLoaders();
  assert.deepEqual(loaders.map((loader) => loader.format), ['markdown', 'html', 'text', 'jsonl']);
  const extensions = loaders.flatMap((loader) => loader.extensions);
  assert.equal(new Set(extensions).size, extensions.length);
  for (const extension of extensions) assert.match(extension, /^\.[a-z0-9]+$/);
});

test('passes the JSON Lines field mapping through', async () => {
  const jsonl = createDefaultLoaders({ jsonl: { idField: 'qid', textFields: ['question'] } }).find((loader) => loader.format === 'jsonl');
  assert.ok(jsonl);
  const { documents } = await jsonl.load({
    relativePath: 'faq.jsonl',
    bytes: new TextEncoder().encode('{"qid": "q1", "question": "Why?"}\n'),
  });
  assert.deepEqual(documents.map((document) => [document.key, document.text]), [['q1', 'Why?']]);
});

test('imports the HTML parser and the front matter parser only when a file needs them', async () => {
  const loadersUrl = new URL('./create-default-loaders.ts', import.meta.url).href;
  const bytes = (text: string): string => `new TextEncoder().encode(${JSON.stringify(text)})`;
  const entries = await listLoadedModules(`
    const { createDefaultLoaders } = await import(${JSON.stringify(loadersUrl)});
    const [markdown, html] = createDefaultLoaders();
    mark('created');
    await markdown.load({ relativePath: 'a.md', bytes: ${bytes('# Plain\n\nNo front matter.\n')} });
    mark('plain markdown');
    await markdown.load({ relativePath: 'b.md', bytes: ${bytes('---\ntitle: B\n---\n\n# B\n\nText.\n')} });
    mark('front matter');
    await html.load({ relativePath: 'c.html', bytes: ${bytes('<html><body><main><h1>C</h1><p>Some text.</p></main></body></html>')} });
    mark('html');
  `);
  const loadedBefore = (mark: string, name: string): boolean => {
    const end = entries.indexOf(`mark:${mark}`);
    assert.notEqual(end, -1, `no mark ${mark} in ${entries.join('\n')}`);
    return entries.slice(0, end).some((entry) => entry.includes(`/node_modules/${name}/`));
  };
  for (const name of ['linkedom', '@mozilla/readability', 'turndown', 'gray-matter']) assert.equal(loadedBefore('plain markdown', name), false, name);
  assert.equal(loadedBefore('front matter', 'gray-matter'), true);
  assert.equal(loadedBefore('front matter', 'linkedom'), false);
  for (const name of ['linkedom', '@mozilla/readability', 'turndown']) assert.equal(loadedBefore('html', name), true, name);
});
