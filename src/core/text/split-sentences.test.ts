import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { splitSentences } from './split-sentences.js';

const texts = (text: string): string[] => splitSentences(text).map((span) => span.text);

describe('splitSentences', () => {
  it('splits plain sentences and trims whitespace', () => {
    assert.deepEqual(texts('  One here.  Two there!\tThree?  '), ['One here.', 'Two there!', 'Three?']);
  });

  it('keeps abbreviations and initials inside their sentence', () => {
    assert.deepEqual(texts('Dr. Smith met Mr. Jones. They talked.'), ['Dr. Smith met Mr. Jones.', 'They talked.']);
    assert.deepEqual(texts('We met on Jan. 5 at noon. It rained.'), ['We met on Jan. 5 at noon.', 'It rained.']);
    assert.deepEqual(texts('Use a flag, e.g. This one. Or i.e. That one.'), ['Use a flag, e.g. This one.', 'Or i.e. That one.']);
    assert.deepEqual(texts('Smith et al. Showed it. See Fig. 3 too.'), ['Smith et al. Showed it.', 'See Fig. 3 too.']);
    assert.deepEqual(texts('J. R. R. Tolkien wrote it. The U.S. Army read it.'), ['J. R. R. Tolkien wrote it.', 'The U.S. Army read it.']);
  });

  it('joins a piece that continues in lower case or with a digit', () => {
    assert.deepEqual(texts('What? yes, really. Done.'), ['What? yes, really.', 'Done.']);
    assert.deepEqual(texts('It was No. 5 of them. Next.'), ['It was No. 5 of them.', 'Next.']);
  });

  it('still breaks after a sentence-final word that is not an abbreviation', () => {
    assert.deepEqual(texts('Is it true? No. The answer is no. So did I. Then we left.'), [
      'Is it true?',
      'No.',
      'The answer is no.',
      'So did I.',
      'Then we left.',
    ]);
  });

  it('treats a blank line as a hard break and a single newline as a soft wrap', () => {
    assert.deepEqual(texts('A title without a dot\n\nA paragraph that\nwraps. Next one.'), [
      'A title without a dot',
      'A paragraph that\nwraps.',
      'Next one.',
    ]);
  });

  it('makes list items, table rows and headings units of their own', () => {
    assert.deepEqual(texts('Options:\n- first one\n- second. With two sentences\n  continued here\n1. numbered'), [
      'Options:',
      '- first one',
      '- second.',
      'With two sentences\n  continued here',
      '1. numbered',
    ]);
    assert.deepEqual(texts('| a. | B. |\n|---|---|\n| c | d |\n## Heading. Here\nBody.'), [
      '| a. | B. |',
      '|---|---|',
      '| c | d |',
      '## Heading. Here',
      'Body.',
    ]);
  });

  it('splits CJK sentences', () => {
    assert.deepEqual(texts('这是一句话。这是第二句话！好吗？'), ['这是一句话。', '这是第二句话！', '好吗？']);
  });

  it('returns offsets into the original text shifted by offset', () => {
    const text = 'Dr. Smith left. He was tired.\n\n- one';
    const spans = splitSentences(text, 100);
    assert.deepEqual(spans, [
      { start: 100, end: 115, text: 'Dr. Smith left.' },
      { start: 116, end: 129, text: 'He was tired.' },
      { start: 131, end: 136, text: '- one' },
    ]);
  });

  it('returns nothing for empty or whitespace-only text', () => {
    assert.deepEqual(splitSentences(''), []);
    assert.deepEqual(splitSentences(' \n\n\t '), []);
  });

  it('splits a paragraph longer than its ICU window exactly like short ones', () => {
    const text = `${'x'.repeat(4500)}. Next one. ${'Word. '.repeat(1000)}`;
    const spans = texts(text);
    assert.equal(spans.length, 1002);
    assert.equal(spans[0], `${'x'.repeat(4500)}.`);
    assert.equal(spans[1], 'Next one.');
    assert.ok(spans.slice(2).every((span) => span === 'Word.'));
  });

  it('covers every non-whitespace character exactly once, in order, with exact offsets', () => {
    const piece = fc.constantFrom(
      'Word', 'word', ' ', '  ', '\n', '\n\n', '. ', '! ', '? ', 'Dr. ', 'e.g. ', 'J. ', '3.5', '- ', '| ', '# ',
      '。', '中文', '😀', 'é', '\t', '1. ', '```', 'Ünïcode', '\u3000', '\u00a0', '\u2028',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), fc.nat(1000), (parts, offset) => {
        const text = parts.join('');
        const spans = splitSentences(text, offset);
        let previousEnd = offset;
        const covered = new Uint8Array(text.length);
        for (const span of spans) {
          assert.ok(span.start >= previousEnd, 'ordered and disjoint');
          assert.ok(span.end > span.start, 'not empty');
          assert.equal(span.text, text.slice(span.start - offset, span.end - offset));
          assert.equal(span.text, span.text.trim());
          covered.fill(1, span.start - offset, span.end - offset);
          previousEnd = span.end;
        }
        for (let index = 0; index < text.length; index++) {
          if (covered[index] === 0) assert.match(text.charAt(index), /\s/, `lost ${JSON.stringify(text.charAt(index))}`);
        }
      }),
      { numRuns: 500 },
    );
  });
});
