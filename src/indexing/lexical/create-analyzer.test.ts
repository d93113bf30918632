import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { stemmer } from 'stemmer';
import { createAnalyzer, ENGLISH_STOP_WORDS } from './create-analyzer.js';
import { tokenizeStandard } from './tokenize-standard.js';

describe('createAnalyzer', () => {
  it('drops English stop words and Porter-stems by default', () => {
    const analyzer = createAnalyzer();
    assert.deepEqual(analyzer.terms("The runners' shoes are running into the generalization"), [
      'runner',
      'shoe',
      'run',
      'gener',
    ]);
  });

  it("uses Lucene's 33 English stop words", () => {
    assert.equal(ENGLISH_STOP_WORDS.size, 33);
    assert.deepEqual(createAnalyzer().terms([...ENGLISH_STOP_WORDS].join(' ').toUpperCase()), []);
    // Words Lucene keeps although other stop lists drop them.
    assert.deepEqual(createAnalyzer().terms('what was he doing'), ['what', 'he', 'do']);
  });

  it('removes the possessive before matching stop words', () => {
    assert.deepEqual(createAnalyzer().terms("it's"), []);
  });

  it('can keep stop words and skip stemming', () => {
    const analyzer = createAnalyzer({ stopWords: 'none', stemmer: 'none' });
    assert.deepEqual(analyzer.terms('The running dogs'), ['the', 'running', 'dogs']);
  });

  it('takes a custom stop list, matched case-insensitively before stemming', () => {
    const analyzer = createAnalyzer({ stopWords: ['Running', 'THE'] });
    assert.deepEqual(analyzer.terms('the running runs'), ['run']);
  });

  it('fingerprints its options in id', () => {
    const ids = [
      createAnalyzer().id,
      createAnalyzer({ stemmer: 'none' }).id,
      createAnalyzer({ stopWords: 'none' }).id,
      createAnalyzer({ stopWords: ['a'] }).id,
      createAnalyzer({ stopWords: ['b'] }).id,
    ];
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(createAnalyzer().id, createAnalyzer({ stemmer: 'porter', stopWords: 'english' }).id);
    assert.equal(createAnalyzer({ stopWords: ['x', 'Y'] }).id, createAnalyzer({ stopWords: ['y', 'x'] }).id);
  });

  it('treats query syntax as plain text', () => {
    assert.deepEqual(createAnalyzer().terms('"exact phrase" AND (cats OR dogs*) -title:foo 🎉'), [
      'exact',
      'phrase',
      'cat',
      'dog',
      'titl',
      'foo',
    ]);
  });

  it('gives the same terms for a query as for the text it came from', () => {
    const analyzer = createAnalyzer();
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        assert.deepEqual(analyzer.terms(text), analyzer.terms(`  ${text}  `));
      }),
    );
  });

  it('gives the terms of the plain pipeline (tokenize, drop stop words, stem), however often a token was seen before', () => {
    const analyzer = createAnalyzer();
    const reference = (text: string): string[] => tokenizeStandard(text).filter((token) => !ENGLISH_STOP_WORDS.has(token)).map((token) => stemmer(token));
    const word = fc.oneof(
      fc.constantFrom('The', 'the', 'THE', 'running', 'Runs', "King's", 'e.g.', 'IL-6', '3.5', 'snake_case', 'Café', 'naïve', '中文', 'a\u00ADb'),
      fc.string({ unit: fc.constantFrom('a', 'B', 'z', "'", '.', '1', ' ', 'é', '-', '_'), maxLength: 20 }),
      fc.string({ unit: fc.constantFrom('x', 'y'), minLength: 12, maxLength: 300 }),
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), (words) => {
        const text = words.join(' ');
        assert.deepEqual(analyzer.terms(text), reference(text));
        assert.deepEqual(analyzer.terms(text), reference(text));
      }),
      { numRuns: 300 },
    );
  });
});
