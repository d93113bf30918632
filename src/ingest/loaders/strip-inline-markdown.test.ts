import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stripInlineMarkdown } from './strip-inline-markdown.js';

test('keeps link and image text, drops targets', () => {
  assert.equal(stripInlineMarkdown('See [the guide](https://x.test/a) and ![logo](l.png) or [ref][1]'), 'See the guide and logo or ref');
});

test('removes emphasis markers but keeps intra-word underscores', () => {
  assert.equal(stripInlineMarkdown('**bold** *it* __b__ _i_ ~~gone~~ max_tokens 2 * 3'), 'bold it b i gone max_tokens 2 * 3');
});

test('keeps code span content verbatim', () => {
  assert.equal(stripInlineMarkdown('The `**kwargs**` and `` a`b `` forms'), 'The **kwargs** and a`b forms');
});

test('removes HTML tags and backslash escapes, folds whitespace', () => {
  assert.equal(stripInlineMarkdown('  1\\. Setup <small>beta</small>\t<https://x.test>  '), '1. Setup beta https://x.test');
});
