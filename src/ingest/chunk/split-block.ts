import { splitSentences } from '../../core/text/split-sentences.js';
import type { TokenCounter } from '../../core/token-counter.js';
import type { Block, BlockKind } from './find-blocks.js';

// Longest slice tried per hard cut, in characters per budget token: 16 is far more than any BPE averages,
// and the cap keeps the binary search on a huge unbroken token (minified JSON, base64) linear overall.
const maxCharactersPerToken = 16;

function matches(text: string, block: Block, pattern: RegExp, kind: BlockKind): Block[] {
  const source = text.slice(block.start, block.end);
  const out: Block[] = [];
  for (const match of source.matchAll(pattern)) {
    const start = block.start + match.index;
    out.push({ start, end: start + match[0].length, kind });
  }
  return out;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Longest prefix lengths of `text.slice(start, end)` that count at most `maxTokens`, cut one after another. */
function hardSlices(text: string, block: Block, counter: TokenCounter, maxTokens: number): Block[] {
  const out: Block[] = [];
  let start = block.start;
  while (start < block.end) {
    let low = 1;
    let high = Math.min(block.end - start, maxTokens * maxCharactersPerToken);
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (counter.count(text.slice(start, start + middle)) <= maxTokens) low = middle;
      else high = middle - 1;
    }
    let end = start + low;
    // Never cut a surrogate pair in half; a lone pair that is over budget still goes out whole.
    if (isHighSurrogate(text.charCodeAt(end - 1)) && end < block.end) end = end - 1 > start ? end - 1 : end + 1;
    out.push({ start, end, kind: 'slice' });
    start = end;
  }
  return out;
}

/**
 * Splits a block that does not fit into the next finer kind of block (see {@link BlockKind}): prose into
 * sentences ({@link splitSentences}), code and tables into lines, sentences, lines and headings into
 * single words, and a word into the longest character slices that count at most `maxTokens`.
 * Returns blocks in order, trimmed, covering every non-whitespace character of the input block; a `slice`
 * cannot be split and is returned as is.
 *
 * @example
 * splitBlock(text, { start: 0, end: 900, kind: 'prose' }, counter, 384); // sentences of text[0, 900)
 */
export function splitBlock(text: string, block: Block, counter: TokenCounter, maxTokens: number): Block[] {
  switch (block.kind) {
    case 'prose': {
      const sentences = splitSentences(text.slice(block.start, block.end), block.start);
      return sentences.map(({ start, end }) => ({ start, end, kind: 'sentence' }));
    }
    case 'code':
    case 'table':
      // Lines keep their indentation inside a chunk; only a chunk's edges are trimmed.
      return matches(text, block, /\S(?:[^\n]*\S)?/g, 'line');
    case 'heading':
    case 'sentence':
    case 'line':
      return matches(text, block, /\S+/g, 'words');
    case 'words':
      return hardSlices(text, block, counter, maxTokens);
    case 'slice':
      return [block];
  }
}
