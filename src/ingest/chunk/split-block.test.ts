import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TokenCounter } from '../../core/token-counter.js';
import type { Block } from './find-blocks.js';
import { splitBlock } from './split-block.js';

// One token per UTF-16 code unit: easy to reason about budgets in the assertions.
const perCharacter: TokenCounter = { id: 'chars', count: (text) => text.length };
const shown = (text: string, blocks: Block[]): [string, string][] =>
  blocks.map((block) => [block.kind, text.slice(block.start, block.end)]);

describe('splitBlock', () => {
  it('splits prose into sentences with absolute offsets', () => {
    const text = 'xx\n\nFirst one. Second one.';
    assert.deepEqual(splitBlock(text, { start: 4, end: text.length, kind: 'prose' }, perCharacter, 10), [
      { start: 4, end: 14, kind: 'sentence' },
      { start: 15, end: 26, kind: 'sentence' },
    ]);
  });

  it('splits code and tables into trimmed non-empty lines, keeping inner indentation out of the edges', () => {
    const text = '```js\n  if (x) {\n\n    y();  \n  }\n```';
    assert.deepEqual(shown(text, splitBlock(text, { start: 0, end: text.length, kind: 'code' }, perCharacter, 10)), [
      ['line', '```js'],
      ['line', 'if (x) {'],
      ['line', 'y();'],
      ['line', '}'],
      ['line', '```'],
    ]);
  });

  it('splits sentences, lines and headings into words', () => {
    const text = 'Alpha  beta\tgamma.';
    for (const kind of ['sentence', 'line', 'heading'] as const) {
      assert.deepEqual(shown(text, splitBlock(text, { start: 0, end: text.length, kind }, perCharacter, 10)), [
        ['words', 'Alpha'],
        ['words', 'beta'],
        ['words', 'gamma.'],
      ]);
    }
  });

  it('cuts a word into the longest slices within budget without splitting surrogate pairs', () => {
    const text = 'abcdefghij';
    assert.deepEqual(shown(text, splitBlock(text, { start: 0, end: 10, kind: 'words' }, perCharacter, 4)), [
      ['slice', 'abcd'],
      ['slice', 'efgh'],
      ['slice', 'ij'],
    ]);
    const emoji = 'a😀😀😀';
    const slices = splitBlock(emoji, { start: 0, end: emoji.length, kind: 'words' }, perCharacter, 4);
    assert.deepEqual(shown(emoji, slices), [
      ['slice', 'a😀'],
      ['slice', '😀😀'],
    ]);
  });

  it('returns a slice unchanged', () => {
    const block: Block = { start: 0, end: 3, kind: 'slice' };
    assert.deepEqual(splitBlock('abc', block, perCharacter, 1), [block]);
  });
});
