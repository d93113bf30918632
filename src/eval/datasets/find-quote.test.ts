import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { findQuote } from './find-quote.js';
import { resolveEvidence } from './resolve-evidence.js';

describe('findQuote', () => {
  const text = 'Requests are buffered\non  disk. The BODY limit is 1048576 bytes.';

  it('finds a verbatim quote with a plain offset', () => {
    assert.deepEqual(findQuote('limit is 1048576', text), { start: 41, end: 57, match: 'exact' });
  });

  it('matches across line breaks and doubled spaces, mapping back to original offsets', () => {
    const span = findQuote('buffered on disk.', text);
    assert.deepEqual(span, { start: 13, end: 31, match: 'whitespace' });
    assert.equal(text.slice(span!.start, span!.end), 'buffered\non  disk.');
  });

  it('ignores leading and trailing white space of the quote', () => {
    const span = findQuote('  buffered on \n', text);
    assert.equal(span?.match, 'whitespace');
    assert.equal(text.slice(span!.start, span!.end), 'buffered\non');
  });

  it('falls back to a case-insensitive match and says so', () => {
    const span = findQuote('the body  limit', text);
    assert.equal(span?.match, 'case');
    assert.equal(text.slice(span!.start, span!.end), 'The BODY limit');
  });

  it('keeps offsets right after characters that lengthen when lower-cased or take two units', () => {
    const tricky = 'İstanbul 😀 has  Many cats.';
    const span = findQuote('has many CATS', tricky);
    assert.equal(tricky.slice(span!.start, span!.end), 'has  Many cats');
    const before = findQuote('i̇stanbul 😀', tricky);
    assert.equal(tricky.slice(before!.start, before!.end), 'İstanbul 😀');
  });

  it('returns undefined for an absent or blank quote', () => {
    assert.equal(findQuote('not there', text), undefined);
    assert.equal(findQuote('   ', text), undefined);
    assert.equal(findQuote('', text), undefined);
  });

  it('finds any substring again after its white space is rewritten (property)', () => {
    const word = fc.stringMatching(/^[A-Za-z]{1,6}$/);
    const space = fc.constantFrom(' ', '  ', '\n', '\t', ' \n ');
    fc.assert(
      fc.property(fc.array(fc.tuple(word, space), { minLength: 2, maxLength: 30 }), fc.nat(), fc.nat(), fc.constantFrom(' ', '\n  '), (parts, a, b, joiner) => {
        const text = parts.map(([w, s]) => w + s).join('');
        const words = parts.map(([w]) => w);
        const from = a % words.length;
        const to = from + 1 + (b % (words.length - from));
        const quote = words.slice(from, to).join(joiner);
        const span = findQuote(quote, text);
        assert.ok(span !== undefined);
        const found = text.slice(span.start, span.end);
        assert.equal(found.trim(), found);
        assert.equal(found.split(/\s+/).join(' ').toLowerCase(), quote.split(/\s+/).join(' ').toLowerCase());
      }),
    );
  });
});

describe('resolveEvidence', () => {
  const text = 'Requests are buffered on disk.';

  it('maps a quote to its span', () => {
    assert.deepEqual(resolveEvidence({ doc: 'a.md', quote: 'buffered on disk' }, text), { start: 13, end: 29 });
  });

  it('uses the whole document when there is no quote or a blank one', () => {
    assert.deepEqual(resolveEvidence({ doc: 'a.md' }, text), { start: 0, end: 30 });
    assert.deepEqual(resolveEvidence({ doc: 'a.md', quote: ' ' }, text), { start: 0, end: 30 });
  });

  it('is undefined when the quote is not in the document', () => {
    assert.equal(resolveEvidence({ doc: 'a.md', quote: 'memory' }, text), undefined);
  });

  it('resolves a quote in a 6,000-case-sized workload quickly', () => {
    const paragraph = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(14);
    const started = performance.now();
    for (let index = 0; index < 6000; index++) resolveEvidence({ doc: 'p', quote: 'ADIPISCING  elit.\nLorem' }, paragraph);
    assert.ok(performance.now() - started < 3000, 'loose matching of 6,000 quotes took over 3 s');
  });
});
