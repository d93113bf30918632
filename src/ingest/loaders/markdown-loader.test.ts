import { test } from 'node:test';
import assert from 'node:assert/strict';
import { markdownLoader } from './markdown-loader.js';
import { isGroundedError } from '../../core/errors.js';

const input = (text: string, relativePath = 'docs/guide.md') => ({ relativePath, bytes: new TextEncoder().encode(text) });

test('removes front matter into JSON-safe metadata and keeps the Markdown source as text', async () => {
  const source = '---\r\ntitle: Setup Guide\r\ndate: 2024-01-02\r\ntags: [a, b]\r\n---\r\n# Install\r\n\r\nRun **it**.\r\n';
  const { documents, problems } = await markdownLoader.load(input(source));
  assert.deepEqual(problems, []);
  const [document] = documents;
  assert.ok(document);
  assert.equal(document.key, 'docs/guide.md');
  assert.equal(document.title, 'Setup Guide');
  assert.equal(document.text, '# Install\n\nRun **it**.\n');
  assert.deepEqual(document.metadata, { title: 'Setup Guide', date: '2024-01-02T00:00:00.000Z', tags: ['a', 'b'] });
  assert.deepEqual(JSON.parse(JSON.stringify(document.metadata)), document.metadata);
});

test('headings point at their lines in the returned text', async () => {
  const source = '---\nauthor: me\n---\nIntro\n\n## Café ☕\n\nBody\n\nSetext\n======\n';
  const [document] = (await markdownLoader.load(input(source))).documents;
  assert.ok(document);
  assert.deepEqual(
    document.headings.map((heading) => [heading.level, heading.text, document.text.slice(heading.start, heading.end)]),
    [
      [2, 'Café ☕', '## Café ☕'],
      [1, 'Setext', 'Setext\n======'],
    ],
  );
});

test('title falls back to the first level-1 heading, then to empty', async () => {
  const withHeading = (await markdownLoader.load(input('## Sub\n\n# Main Title\n\n# Second\n'))).documents[0];
  assert.equal(withHeading?.title, 'Main Title');
  const without = (await markdownLoader.load(input('## Only level two\n'))).documents[0];
  assert.equal(without?.title, '');
});

test('a leading thematic break without a closing line is not front matter', async () => {
  const source = '---\n\n# Title\n\nText\n';
  const [document] = (await markdownLoader.load(input(source))).documents;
  assert.equal(document?.text, source);
  assert.equal(document?.title, 'Title');
});

test('invalid front matter is kept as text and reported', async () => {
  const source = '---\ntitle: [unclosed\n---\n# Real\n';
  const { documents, problems } = await markdownLoader.load(input(source));
  assert.equal(documents[0]?.text, source);
  assert.deepEqual(documents[0]?.metadata, {});
  assert.equal(problems.length, 1);
  assert.equal(problems[0]?.line, 1);
  assert.match(problems[0]?.reason ?? '', /^invalid front matter/);
});

test('rejects with INVALID_DATA for a file that is only front matter', async () => {
  await assert.rejects(
    () => markdownLoader.load(input('---\ntitle: x\n---\n\n')),
    (error) => isGroundedError(error, 'INVALID_DATA') && error.details.path === 'docs/guide.md',
  );
});

test('normalizes the text (NFC, line ends, controls) before anything else', async () => {
  const [document] = (await markdownLoader.load(input('\uFEFF# Cafe\u0301\r\nbell\u0007\r\n'))).documents;
  assert.equal(document?.text, '# Café\nbell\n');
  assert.equal(document?.title, 'Café');
});

test('never evaluates JavaScript front matter', async () => {
  const source = "---js\n(function () { globalThis.frontMatterRan = true; return { title: 'js' }; })()\n---\n# Safe\n";
  const [document] = (await markdownLoader.load(input(source))).documents;
  assert.equal((globalThis as { frontMatterRan?: boolean }).frontMatterRan, undefined);
  assert.equal(document?.title, 'Safe');
});
