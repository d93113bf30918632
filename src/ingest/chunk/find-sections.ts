import type { Heading } from '../../core/document.js';

/** A heading and the text up to the next heading (of any level), or the text before the first heading. */
export interface Section {
  /** Offset of the heading line, or 0 for the text before the first heading. */
  readonly start: number;
  /** Offset just past the heading line (equal to `start` when there is no heading). */
  readonly bodyStart: number;
  /** Offset of the next heading, or the text's length. */
  readonly end: number;
  /** The heading's level, 0 for the text before the first heading. */
  readonly level: number;
  /** Titles of this heading and the headings enclosing it, outermost first. */
  readonly headingPath: readonly string[];
}

/**
 * Cuts a document's text into sections at its headings and gives each its heading path. Headings that are
 * out of range or overlap the previous one are ignored (a defensive guard against a faulty loader);
 * the text before the first heading is a level-0 section with path `[]`, omitted when empty.
 *
 * @example
 * findSections('# A\nx\n## B\ny', [{ level: 1, text: 'A', start: 0, end: 3 }, { level: 2, text: 'B', start: 6, end: 10 }]);
 * // [{ start: 0, bodyStart: 3, end: 6, level: 1, headingPath: ['A'] },
 * //  { start: 6, bodyStart: 10, end: 12, level: 2, headingPath: ['A', 'B'] }]
 */
export function findSections(text: string, headings: readonly Heading[]): Section[] {
  const valid: Heading[] = [];
  let previousEnd = 0;
  for (const heading of [...headings].sort((left, right) => left.start - right.start)) {
    if (heading.start < previousEnd || heading.end < heading.start || heading.end > text.length) continue;
    valid.push(heading);
    previousEnd = heading.end;
  }
  const sections: Section[] = [];
  const firstStart = valid[0]?.start ?? text.length;
  if (firstStart > 0) sections.push({ start: 0, bodyStart: 0, end: firstStart, level: 0, headingPath: [] });
  const stack: Heading[] = [];
  valid.forEach((heading, index) => {
    while (stack.length > 0 && (stack[stack.length - 1] as Heading).level >= heading.level) stack.pop();
    stack.push(heading);
    sections.push({
      start: heading.start,
      bodyStart: heading.end,
      end: valid[index + 1]?.start ?? text.length,
      level: heading.level,
      headingPath: stack.map((enclosing) => enclosing.text),
    });
  });
  return sections;
}
