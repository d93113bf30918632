import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findSections } from './find-sections.js';

describe('findSections', () => {
  it('cuts at headings and builds heading paths from the heading stack', () => {
    const text = 'Intro\n# A\nx\n## B\ny\n### C\nz\n## D\nw\n# E\nv';
    const at = (needle: string): number => text.indexOf(needle);
    const heading = (level: number, title: string) => ({ level, text: title, start: at(`${'#'.repeat(level)} ${title}`), end: at(`${'#'.repeat(level)} ${title}`) + level + 1 + title.length });
    const sections = findSections(text, [heading(1, 'A'), heading(2, 'B'), heading(3, 'C'), heading(2, 'D'), heading(1, 'E')]);
    assert.deepEqual(
      sections.map((section) => [text.slice(section.start, section.end), section.level, section.headingPath]),
      [
        ['Intro\n', 0, []],
        ['# A\nx\n', 1, ['A']],
        ['## B\ny\n', 2, ['A', 'B']],
        ['### C\nz\n', 3, ['A', 'B', 'C']],
        ['## D\nw\n', 2, ['A', 'D']],
        ['# E\nv', 1, ['E']],
      ],
    );
    assert.equal(sections[1]?.bodyStart, at('# A') + 3);
  });

  it('omits an empty preamble and handles a document without headings', () => {
    assert.deepEqual(findSections('# A', [{ level: 1, text: 'A', start: 0, end: 3 }]), [
      { start: 0, bodyStart: 3, end: 3, level: 1, headingPath: ['A'] },
    ]);
    assert.deepEqual(findSections('plain', []), [{ start: 0, bodyStart: 0, end: 5, level: 0, headingPath: [] }]);
    assert.deepEqual(findSections('', []), []);
  });

  it('skips headings that overlap the previous one or lie outside the text', () => {
    const text = '# A\nbody';
    const sections = findSections(text, [
      { level: 2, text: 'late', start: 50, end: 55 },
      { level: 1, text: 'A', start: 0, end: 3 },
      { level: 2, text: 'inside', start: 1, end: 3 },
    ]);
    assert.deepEqual(sections, [{ start: 0, bodyStart: 3, end: 8, level: 1, headingPath: ['A'] }]);
  });
});
