import { splitSentences } from '../../core/text/split-sentences.js';

/** What a quotable unit of a passage is: prose, a table row, a list item, a `key: value` line or a code block. */
export type PassageUnitKind = 'sentence' | 'row' | 'item' | 'pair' | 'code';

/** A piece of a passage the reader may quote, with its exact span. */
export interface PassageUnit {
  readonly kind: PassageUnitKind;
  /** Offsets in the document's normalized text; `text` is exactly that slice. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** A table row's column names (from the table's header row), else empty. */
  readonly header: readonly string[];
  /**
   * True for prose that ends with a colon or a question mark: it announces the unit after it (a command, a list, the
   * answer of a FAQ entry).
   */
  readonly announces: boolean;
}

const fence = /^\s{0,3}(`{3,}|~{3,})/;
const tableLine = /^\s*\|/;
const separatorRow = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const pairLine = /^\s*(?:[-*+]\s+)?(?:\*\*|__|`)?[\p{L}][\p{L}\p{N} ._/`-]{0,40}?(?:\*\*|__|`)?\s*:(?:\*\*|__)?\s+\S/u;

/**
 * Splits a passage into the units a reader quotes: fenced code blocks whole (never flattened into prose), Markdown
 * table rows with their table's header, list items, `key: value` lines and prose sentences. Headings are left out
 * (they name a topic; the chunk's heading path carries them). Spans are exact: `text` equals the passage slice.
 *
 * @example
 * readPassageUnits('| Field | Default |\n|---|---|\n| `port` | 8080 |', 0);
 * // [{ kind: 'row', text: '| `port` | 8080 |', header: ['Field', 'Default'], ... }]
 */
export function readPassageUnits(text: string, offset: number): PassageUnit[] {
  const units: PassageUnit[] = [];
  const lines = linesOf(text);
  let prose: { start: number; end: number } | undefined;
  const flushProse = (): void => {
    if (prose !== undefined) units.push(...proseUnits(text.slice(prose.start, prose.end), offset + prose.start));
    prose = undefined;
  };
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    const open = fence.exec(line.text);
    if (open !== null) {
      flushProse();
      const marker = open[1]!;
      let last = index;
      while (last + 1 < lines.length && !lines[last + 1]!.text.trimStart().startsWith(marker)) last += 1;
      if (last + 1 < lines.length) last += 1;
      const end = lines[last]!.end;
      units.push(unit('code', text, offset, line.start, end));
      index = last;
    } else if (tableLine.test(line.text)) {
      flushProse();
      let last = index;
      while (last + 1 < lines.length && tableLine.test(lines[last + 1]!.text)) last += 1;
      units.push(...tableRows(lines.slice(index, last + 1), text, offset));
      index = last;
    } else if (line.text.trim() === '') {
      flushProse();
    } else {
      prose = { start: prose?.start ?? line.start, end: line.end };
    }
  }
  flushProse();
  return units;
}

function linesOf(text: string): { start: number; end: number; text: string }[] {
  const lines: { start: number; end: number; text: string }[] = [];
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    lines.push({ start, end, text: text.slice(start, end) });
    if (newline === -1) break;
    start = newline + 1;
  }
  return lines;
}

function unit(kind: PassageUnitKind, text: string, offset: number, start: number, end: number, header: readonly string[] = []): PassageUnit {
  const slice = text.slice(start, end);
  return { kind, start: offset + start, end: offset + end, text: slice, header, announces: kind === 'sentence' && /[:?]$/.test(slice.trimEnd()) };
}

/** A table's rows, each with the header's column names; the separator row is not a unit. */
function tableRows(lines: readonly { start: number; end: number; text: string }[], text: string, offset: number): PassageUnit[] {
  const hasHeader = lines.length > 1 && separatorRow.test(lines[1]!.text);
  const header = hasHeader ? cellsOf(lines[0]!.text) : [];
  const rows: PassageUnit[] = [];
  for (const [index, line] of lines.entries()) {
    if (hasHeader && index <= 1) continue;
    if (separatorRow.test(line.text) || !/[\p{L}\p{N}]/u.test(line.text)) continue;
    const leading = line.text.length - line.text.trimStart().length;
    rows.push(unit('row', text, offset, line.start + leading, line.start + line.text.trimEnd().length, header));
  }
  return rows;
}

/** The cells of a table row, trimmed, without the outer pipes. */
export function cellsOf(row: string): string[] {
  const inner = row.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim());
}

function proseUnits(block: string, offset: number): PassageUnit[] {
  return splitSentences(block, offset)
    .filter((sentence) => /[\p{L}\p{N}]/u.test(sentence.text) && !/^#{1,6}\s/.test(sentence.text))
    .map((sentence) => {
      const kind: PassageUnitKind = pairLine.test(sentence.text) ? 'pair' : /^\s*(?:[-*+]|\d+[.)])\s/.test(sentence.text) ? 'item' : 'sentence';
      return { kind, start: sentence.start, end: sentence.end, text: sentence.text, header: [], announces: /[:?]$/.test(sentence.text.trimEnd()) };
    });
}
