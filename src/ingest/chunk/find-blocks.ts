/**
 * What a span of text is, which decides how it is split when it does not fit a chunk:
 * `prose` -> `sentence` -> `words` -> `slice`; `code` and `table` -> `line` -> `words` -> `slice`;
 * `heading` -> `words` -> `slice`.
 */
export type BlockKind = 'heading' | 'prose' | 'code' | 'table' | 'sentence' | 'line' | 'words' | 'slice';

/** A whitespace-trimmed span `[start, end)` of a document's text. */
export interface Block {
  readonly start: number;
  readonly end: number;
  readonly kind: BlockKind;
}

interface Fence {
  readonly marker: number;
  readonly length: number;
  /** Offset just past the marker characters. */
  readonly after: number;
}

/** The opening fence (``` or ~~~, 3+, indented at most 3 spaces) on the line at `start`, if any. */
function fenceAt(text: string, start: number, end: number): Fence | undefined {
  let index = start;
  while (index < end && index - start < 3 && text.charCodeAt(index) === 32) index++;
  const marker = text.charCodeAt(index);
  if (marker !== 96 && marker !== 126) return undefined;
  let length = 0;
  while (index + length < end && text.charCodeAt(index + length) === marker) length++;
  return length >= 3 ? { marker, length, after: index + length } : undefined;
}

function isBlankLine(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code !== 32 && code !== 9 && code !== 13) return false;
  }
  return true;
}

function isTableLine(text: string, start: number, end: number): boolean {
  let index = start;
  while (index < end && index - start < 3 && text.charCodeAt(index) === 32) index++;
  return text.charCodeAt(index) === 124;
}

const nonAsciiWhitespace = /\s/;

/** Exactly JavaScript's `\s` (what `String.prototype.trim` removes), fast for ASCII. */
function isWhitespace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return nonAsciiWhitespace.test(String.fromCharCode(code));
}

function pushTrimmed(text: string, start: number, end: number, kind: BlockKind, out: Block[]): void {
  while (start < end && isWhitespace(text.charCodeAt(start))) start++;
  while (end > start && isWhitespace(text.charCodeAt(end - 1))) end--;
  if (end > start) out.push({ start, end, kind });
}

/**
 * Splits `text.slice(start, end)` (a section body) into blocks: paragraphs separated by blank lines, each
 * fenced code block whole (blank lines inside it included; an unclosed fence runs to `end`), and Markdown
 * tables (a paragraph whose first line starts with `|`). Offsets are absolute in `text`; whitespace-only
 * input gives `[]`.
 *
 * @example
 * findBlocks('Intro.\n\n```sh\nls\n\nls -l\n```\n| a |\n|---|', 0, 39);
 * // [{ start: 0, end: 6, kind: 'prose' }, { start: 8, end: 27, kind: 'code' }, { start: 28, end: 39, kind: 'table' }]
 */
export function findBlocks(text: string, start: number, end: number): Block[] {
  const blocks: Block[] = [];
  let blockStart = -1;
  let blockKind: BlockKind = 'prose';
  let fence: Fence | undefined;
  let lineStart = start;
  while (lineStart < end) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 || newline > end ? end : newline;
    if (fence !== undefined) {
      const closing = fenceAt(text, lineStart, lineEnd);
      if (
        closing !== undefined &&
        closing.marker === fence.marker &&
        closing.length >= fence.length &&
        isBlankLine(text, closing.after, lineEnd)
      ) {
        pushTrimmed(text, blockStart, lineEnd, 'code', blocks);
        blockStart = -1;
        fence = undefined;
      }
    } else if (isBlankLine(text, lineStart, lineEnd)) {
      if (blockStart !== -1) pushTrimmed(text, blockStart, lineStart, blockKind, blocks);
      blockStart = -1;
    } else {
      const opening = fenceAt(text, lineStart, lineEnd);
      if (opening !== undefined) {
        if (blockStart !== -1) pushTrimmed(text, blockStart, lineStart, blockKind, blocks);
        blockStart = lineStart;
        fence = opening;
      } else if (blockStart === -1) {
        blockStart = lineStart;
        blockKind = isTableLine(text, lineStart, lineEnd) ? 'table' : 'prose';
      }
    }
    lineStart = lineEnd + 1;
  }
  if (blockStart !== -1) pushTrimmed(text, blockStart, end, fence === undefined ? blockKind : 'code', blocks);
  return blocks;
}
