import type { Heading } from '../../core/document.js';
import { stripInlineMarkdown } from './strip-inline-markdown.js';

const ATX_HEADING = /^ {0,3}(#{1,6})(?=[ \t]|$)(.*)$/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const CONTAINER_START = /^ {0,3}(?:>|(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$))/;

interface LineState {
  fence: { char: string; length: number } | undefined;
  /** The open paragraph that a setext underline would turn into a heading. */
  paragraph: { start: number; lines: string[] } | undefined;
  /** Inside a list item or block quote: its lazy continuation lines cannot become setext headings. */
  inContainer: boolean;
}

/**
 * Finds the ATX (`#`..`######`) and setext (`===` / `---` underline) headings of a Markdown text, skipping
 * fenced (``` and ~~~) and indented code blocks. Offsets point into `text`: for an ATX heading
 * `text.slice(start, end)` is the heading line; for a setext heading it runs from the first line of the
 * heading text to the end of the underline. Heading text has closing `#`s and inline markup removed;
 * headings with no text are left out.
 *
 * Expects normalized text (`\n` line ends). A pragmatic subset of CommonMark: no HTML blocks, and list item
 * or block quote content is not searched for setext headings.
 *
 * @example
 * parseMarkdownHeadings('# Intro\n\nText\n\nUsage\n-----\n');
 * // [{ level: 1, text: 'Intro', start: 0, end: 7 }, { level: 2, text: 'Usage', start: 15, end: 26 }]
 */
export function parseMarkdownHeadings(text: string): Heading[] {
  const headings: Heading[] = [];
  const state: LineState = { fence: undefined, paragraph: undefined, inContainer: false };
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const heading = readLine(text.slice(lineStart, lineEnd), lineStart, lineEnd, state);
    if (heading !== undefined && heading.text !== '') headings.push(heading);
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return headings;
}

/** Advances `state` past one line and returns the heading that the line completes, if any. */
function readLine(line: string, lineStart: number, lineEnd: number, state: LineState): Heading | undefined {
  if (state.fence !== undefined) {
    const close = FENCE_CLOSE.exec(line);
    if (close?.[1]?.[0] === state.fence.char && close[1].length >= state.fence.length) state.fence = undefined;
    return undefined;
  }
  if (line.trim() === '') {
    state.paragraph = undefined;
    state.inContainer = false;
    return undefined;
  }
  const paragraph = state.paragraph;
  if (paragraph === undefined && indentWidth(line) >= 4) return undefined; // indented code or list content

  const atx = ATX_HEADING.exec(line);
  if (atx !== null) {
    state.paragraph = undefined;
    const content = (atx[2] ?? '').trim().replace(/(?:^|[ \t]+)#+[ \t]*$/, '');
    return { level: atx[1]?.length ?? 1, text: stripInlineMarkdown(content), start: lineStart, end: lineEnd };
  }
  const underline = SETEXT_UNDERLINE.exec(line);
  if (underline !== null && paragraph !== undefined) {
    state.paragraph = undefined;
    const content = paragraph.lines.map((paragraphLine) => paragraphLine.trim()).join(' ');
    const level = underline[1]?.startsWith('=') === true ? 1 : 2;
    return { level, text: stripInlineMarkdown(content), start: paragraph.start, end: lineEnd };
  }
  const fence = FENCE_OPEN.exec(line);
  // A backtick fence's info string cannot contain backticks (CommonMark 4.5).
  if (fence?.[1] !== undefined && !(fence[1].startsWith('`') && (fence[2] ?? '').includes('`'))) {
    state.fence = { char: fence[1][0] ?? '`', length: fence[1].length };
    state.paragraph = undefined;
    return undefined;
  }
  if (THEMATIC_BREAK.test(line)) {
    state.paragraph = undefined;
    state.inContainer = false;
  } else if (CONTAINER_START.test(line)) {
    state.paragraph = undefined;
    state.inContainer = true;
  } else if (paragraph !== undefined) {
    paragraph.lines.push(line);
  } else if (!state.inContainer) {
    state.paragraph = { start: lineStart, lines: [line] };
  }
  return undefined;
}

/** Leading whitespace width with tabs advancing to the next multiple of 4, as CommonMark counts it. */
function indentWidth(line: string): number {
  let width = 0;
  for (const character of line) {
    if (character === ' ') width++;
    else if (character === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}
