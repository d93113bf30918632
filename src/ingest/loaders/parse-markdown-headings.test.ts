import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMarkdownHeadings } from './parse-markdown-headings.js';

function summary(text: string): [number, string, string][] {
  return parseMarkdownHeadings(text).map((heading) => [heading.level, heading.text, text.slice(heading.start, heading.end)]);
}

test('finds ATX headings of every level with exact line offsets', () => {
  const text = '# One\n\n## Two ##\ntext\n### Three\n#### Four\n##### Five\n###### Six #\n####### Seven\n';
  assert.deepEqual(summary(text), [
    [1, 'One', '# One'],
    [2, 'Two', '## Two ##'],
    [3, 'Three', '### Three'],
    [4, 'Four', '#### Four'],
    [5, 'Five', '##### Five'],
    [6, 'Six', '###### Six #'],
  ]);
});

test('applies the ATX rules for spaces and closing sequences', () => {
  const text = '#NoSpace\n   # Indented three\n# Hash# inside\n# Escaped \\#\n#\n# ###\n#\tTab\n';
  assert.deepEqual(summary(text), [
    [1, 'Indented three', '   # Indented three'],
    [1, 'Hash# inside', '# Hash# inside'],
    [1, 'Escaped #', '# Escaped \\#'],
    [1, 'Tab', '#\tTab'],
  ]);
});

test('finds setext headings, spanning text line to underline', () => {
  const text = 'Title\n=====\n\nSection one\nwraps here\n---\n\nplain\n';
  const headings = parseMarkdownHeadings(text);
  assert.deepEqual(summary(text), [
    [1, 'Title', 'Title\n====='],
    [2, 'Section one wraps here', 'Section one\nwraps here\n---'],
  ]);
  assert.equal(headings[0]?.start, 0);
  assert.equal(headings[1]?.end, text.indexOf('\n\nplain'));
});

test('treats --- without a paragraph above as a thematic break', () => {
  assert.deepEqual(summary('Para\n\n---\n\n***\n- item\n---\n> quote\n---\n'), []);
});

test('ignores headings inside fenced code blocks', () => {
  const text = [
    '# Real',
    '```md',
    '# Not a heading',
    'Also not',
    '===',
    '```',
    '~~~~',
    '## Hidden',
    '~~~',
    '```',
    '## Still hidden (a shorter or different fence does not close)',
    '~~~~',
    '## After',
    '``` not a fence because `backticks` in info',
    '## Visible',
  ].join('\n');
  assert.deepEqual(
    summary(text).map(([, title]) => title),
    ['Real', 'After', 'Visible'],
  );
});

test('an unclosed fence hides the rest of the document', () => {
  assert.deepEqual(summary('# A\n```\n# B\n'), [[1, 'A', '# A']]);
});

test('ignores indented code but not an indented paragraph continuation', () => {
  const text = 'Intro\n\n    # code comment\n    ---\n\n\t# tab code\n\nPara\n    continued\n===\n';
  assert.deepEqual(summary(text), [[1, 'Para continued', 'Para\n    continued\n===']]);
});

test('strips inline markup from heading text', () => {
  const text = '## Using **`grounded ask`** with [flags](#flags) and _emphasis_ in snake_case_name\n';
  assert.deepEqual(summary(text).map(([, title]) => title), ['Using grounded ask with flags and emphasis in snake_case_name']);
});

test('offsets count UTF-16 units and work without a trailing newline', () => {
  const text = 'Intro 🌍 é\n\n# Über 🌍';
  const [heading] = parseMarkdownHeadings(text);
  assert.ok(heading);
  assert.equal(text.slice(heading.start, heading.end), '# Über 🌍');
  assert.equal(heading.end, text.length);
});
