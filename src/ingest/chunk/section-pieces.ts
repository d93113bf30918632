import type { Section } from './find-sections.js';
import { measureSpan } from './measure-span.js';
import type { Piece } from './piece.js';
import type { ChunkOptions } from './resolve-chunk-options.js';

function trimmedEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  return end;
}

/**
 * One piece per non-empty section: most sections fit a chunk whole, and counting a section once instead
 * of its blocks and then the chunk again halves the counting work (the chunker's main cost).
 *
 * @example
 * const pieces = sectionPieces(document.text, findSections(document.text, document.headings), options);
 */
export function sectionPieces(text: string, sections: readonly Section[], options: ChunkOptions): Piece[] {
  const pieces: Piece[] = [];
  sections.forEach((section, index) => {
    const end = trimmedEnd(text, section.start, section.end);
    let start = section.start;
    while (start < end && /\s/.test(text.charAt(start))) start++;
    if (start === end) return;
    const tokens = measureSpan(text, start, end, options);
    const headingOnly = section.bodyStart > section.start && end <= section.bodyStart;
    pieces.push({ start, end, kind: 'section', tokens, section: index, opensSection: true, headingOnly });
  });
  return pieces;
}
