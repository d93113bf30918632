import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentLoader } from '../../core/document-loader.js';
import { createDefaultLoaders } from './create-default-loaders.js';
import { findLoader, isGzipPath } from './find-loader.js';

const loaders = createDefaultLoaders();
const formatOf = (path: string): string | undefined => findLoader(loaders, path)?.format;

test('finds the default loader by lower-case extension', () => {
  assert.equal(formatOf('docs/Guide.MD'), 'markdown');
  assert.equal(formatOf('a.markdown'), 'markdown');
  assert.equal(formatOf('a.mdx'), 'markdown');
  assert.equal(formatOf('site/index.HTM'), 'html');
  assert.equal(formatOf('notes.txt'), 'text');
  assert.equal(formatOf('data/x.ndjson'), 'jsonl');
});

test('ignores a trailing .gz', () => {
  assert.equal(formatOf('beir/corpus.jsonl.gz'), 'jsonl');
  assert.equal(formatOf('page.html.GZ'), 'html');
  assert.equal(formatOf('archive.gz'), undefined);
});

test('returns undefined for unsupported or extension-less names', () => {
  assert.equal(formatOf('image.png'), undefined);
  assert.equal(formatOf('README'), undefined);
  assert.equal(formatOf('docs/.md'), undefined);
  assert.equal(formatOf('notes.md.bak'), undefined);
});

test('prefers the longest matching extension, then the earlier loader', () => {
  const fake = (format: string, extensions: string[]): DocumentLoader => ({
    format,
    extensions,
    load: async () => ({ documents: [], problems: [] }),
  });
  const custom = [fake('first', ['.json']), fake('compressed-json', ['.tar.json']), fake('second', ['.json'])];
  assert.equal(findLoader(custom, 'a.tar.json')?.format, 'compressed-json');
  assert.equal(findLoader(custom, 'a.json')?.format, 'first');
});

test('isGzipPath tells gzip names apart', () => {
  assert.equal(isGzipPath('corpus.jsonl.gz'), true);
  assert.equal(isGzipPath('CORPUS.JSONL.GZ'), true);
  assert.equal(isGzipPath('corpus.jsonl'), false);
  assert.equal(isGzipPath('notes.gzip'), false);
});
