import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeAnswer } from './normalize-answer.js';

describe('normalizeAnswer', () => {
  it('lower-cases, drops punctuation and articles, collapses white space', () => {
    assert.equal(normalizeAnswer('  The  "Quick", brown fox!\n'), 'quick brown fox');
    assert.equal(normalizeAnswer('An apple a day'), 'apple day');
  });
  it('removes punctuation without a space, as SQuAD does', () => {
    assert.equal(normalizeAnswer('1,048,576'), '1048576');
    assert.equal(normalizeAnswer("don't"), 'dont');
  });
  it('removes articles only as whole words', () => {
    assert.equal(normalizeAnswer('theory of another cathedral'), 'theory of another cathedral');
    assert.equal(normalizeAnswer('the-end'), 'theend');
    // Unicode-aware boundaries: "à" is a letter, so the "a" in "àa" is not an article.
    assert.equal(normalizeAnswer('Voilàa'), 'voilàa');
  });
  it('also removes typographic punctuation', () => {
    assert.equal(normalizeAnswer('“Hello” — world…'), 'hello world');
  });
  it('maps empty and punctuation-only text to the empty string', () => {
    assert.equal(normalizeAnswer(''), '');
    assert.equal(normalizeAnswer(' ... the !'), '');
  });
});
