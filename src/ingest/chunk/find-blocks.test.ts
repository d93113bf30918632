import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findBlocks, type Block } from './find-blocks.js';

const shown = (text: string, blocks: Block[]): [string, string][] =>
  blocks.map((block) => [block.kind, text.slice(block.start, block.end)]);

describe('findBlocks', () => {
  it('splits paragraphs at blank lines and trims them', () => {
    const text = '  First para\nstill first.\n\n \t\nSecond para.  \n';
    assert.deepEqual(shown(text, findBlocks(text, 0, text.length)), [
      ['prose', 'First para\nstill first.'],
      ['prose', 'Second para.'],
    ]);
  });

  it('keeps a fenced code block whole, blank lines included, and ends a paragraph before it', () => {
    const text = 'Run this:\n```sh\nls\n\nls -l\n```\nAfter.\n\n~~~~\n```\nstill code\n~~~~';
    assert.deepEqual(shown(text, findBlocks(text, 0, text.length)), [
      ['prose', 'Run this:'],
      ['code', '```sh\nls\n\nls -l\n```'],
      ['prose', 'After.'],
      ['code', '~~~~\n```\nstill code\n~~~~'],
    ]);
  });

  it('does not close a fence on a shorter or different marker, or one followed by text', () => {
    const text = '````\n```\n~~~~\n```` not closed\n\nstill code';
    assert.deepEqual(shown(text, findBlocks(text, 0, text.length)), [['code', text]]);
  });

  it('marks a paragraph that starts with a pipe as a table', () => {
    const text = '| a | b |\n|---|---|\n| 1 | 2 |\n\nText | with pipe';
    assert.deepEqual(shown(text, findBlocks(text, 0, text.length)), [
      ['table', '| a | b |\n|---|---|\n| 1 | 2 |'],
      ['prose', 'Text | with pipe'],
    ]);
  });

  it('works on a range with absolute offsets and ignores text outside it', () => {
    const text = 'skip me\n\nInside one.\n\nInside two.\n\nskip too';
    const blocks = findBlocks(text, 9, 32);
    assert.deepEqual(blocks, [
      { start: 9, end: 20, kind: 'prose' },
      { start: 22, end: 32, kind: 'prose' },
    ]);
    assert.deepEqual(findBlocks(text, 7, 9), []);
  });

  it('matches its documented example', () => {
    const text = 'Intro.\n\n```sh\nls\n\nls -l\n```\n| a |\n|---|';
    assert.deepEqual(findBlocks(text, 0, 39), [
      { start: 0, end: 6, kind: 'prose' },
      { start: 8, end: 27, kind: 'code' },
      { start: 28, end: 39, kind: 'table' },
    ]);
  });
});
