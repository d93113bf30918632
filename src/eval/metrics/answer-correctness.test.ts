import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answerCorrectness, exactMatch, tokenF1 } from './answer-correctness.js';

const close = (actual: number, expected: number): void => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} != ${expected}`);

describe('answerCorrectness', () => {
  it('answerable: contains any accepted string after lower-casing and collapsing white space', () => {
    assert.equal(answerCorrectness('The limit is 1048576\n  bytes.', ['1048576 BYTES'], 'answerable'), 1);
    assert.equal(answerCorrectness('It is one megabyte.', ['1048576', 'one megabyte'], 'answerable'), 1);
    assert.equal(answerCorrectness('It is 2 MB.', ['1048576'], 'answerable'), 0);
  });
  it('does not strip punctuation (the spec compares after white space and case only)', () => {
    assert.equal(answerCorrectness('1,048,576 bytes', ['1048576'], 'answerable'), 0);
  });
  it('synthesis: share of required parts present', () => {
    close(answerCorrectness('Use TLS and Basic Auth.', ['tls', 'basic auth', 'ip allow list'], 'synthesis'), 2 / 3);
    assert.equal(answerCorrectness('nothing relevant', ['tls', 'basic auth'], 'synthesis'), 0);
  });
  it('unanswerable is 0 (not applicable)', () => {
    assert.equal(answerCorrectness('I do not know', ['I do not know'], 'unanswerable'), 0);
  });
  it('empty answer, no accepted strings, and blank accepted strings give 0, never NaN', () => {
    assert.equal(answerCorrectness('', ['x'], 'answerable'), 0);
    assert.equal(answerCorrectness('anything', [], 'answerable'), 0);
    assert.equal(answerCorrectness('anything', [], 'synthesis'), 0);
    assert.equal(answerCorrectness('anything', ['  '], 'answerable'), 0);
    close(answerCorrectness('tls', ['tls', ' '], 'synthesis'), 1);
  });
});

describe('tokenF1', () => {
  it('matches hand-computed SQuAD F1', () => {
    // normalized prediction: [request, body, limit]; gold: [body, limit] -> P = 2/3, R = 1, F1 = 0.8
    close(tokenF1('the request body limit', ['body limit']), 0.8);
    // shared tokens are counted with multiplicity: pred [x x y], gold [x z] -> shared 1, P 1/3, R 1/2, F1 0.4
    close(tokenF1('x x y', ['x z']), 0.4);
  });
  it('takes the maximum over golds', () => {
    close(tokenF1('body limit', ['unrelated', 'request body limit']), 0.8);
  });
  it('follows SQuAD for empty token lists and returns 0 without golds', () => {
    assert.equal(tokenF1('', ['']), 1);
    assert.equal(tokenF1('', ['body']), 0);
    assert.equal(tokenF1('the', ['body']), 0);
    assert.equal(tokenF1('body', []), 0);
    assert.equal(tokenF1('alpha', ['beta']), 0);
  });
});

describe('exactMatch', () => {
  it('compares normalized strings', () => {
    assert.equal(exactMatch('The Eiffel Tower.', ['eiffel tower']), 1);
    assert.equal(exactMatch('Eiffel Tower, Paris', ['eiffel tower']), 0);
    assert.equal(exactMatch('b', ['a', 'B!']), 1);
    assert.equal(exactMatch('', []), 0);
  });
});
