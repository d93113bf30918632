import { tidyQuote } from '../tidy-quote.js';
import { cellsOf, type PassageUnit } from './read-passage-units.js';

const fenceLine = /^\s{0,3}(`{3,}|~{3,})/m;

/**
 * How a quoted unit reads in an answer, with its citation marker: prose tidied (see {@link tidyQuote}); a table row as `column: value` pairs
 * under its header; a code block kept verbatim as a fenced block (after the sentence that announced it), never
 * flattened into one line. The citation keeps the exact span either way.
 *
 * @example
 * renderAnswerUnit({ kind: 'row', text: '| `port` | 8080 |', header: ['Field', 'Default'] }, '[1]'); // 'Field: port; Default: 8080 [1]'
 */
export function renderAnswerUnit(unit: Pick<PassageUnit, 'kind' | 'text' | 'header'>, marker: string): string {
  if (unit.kind === 'code') {
    const fence = fenceLine.exec(unit.text);
    if (fence === null) return `${tidyQuote(unit.text)} ${marker}`;
    const prose = tidyQuote(unit.text.slice(0, fence.index));
    const code = unit.text.slice(fence.index).replace(/^\n+|\s+$/g, '');
    // The marker stays on a prose line: a closing fence must stand alone on its line.
    return prose === '' ? `${marker}\n${code}\n` : `${prose} ${marker}\n${code}\n`;
  }
  if (unit.kind === 'row' && unit.header.length > 0) {
    const cells = cellsOf(unit.text);
    const pairs = cells
      .map((cell, index) => ({ name: tidyQuote(unit.header[index] ?? ''), value: tidyQuote(cell.replace(/<br\s*\/?>/gi, ' ')) }))
      .filter((pair) => pair.value !== '')
      .map((pair) => (pair.name === '' ? pair.value : `${pair.name}: ${pair.value}`));
    return `${pairs.join('; ')} ${marker}`;
  }
  return `${tidyQuote(unit.text)} ${marker}`;
}
