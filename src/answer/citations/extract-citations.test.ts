import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractCitations } from './extract-citations.js';

describe('extractCitations', () => {
  it('finds [n], [n, m] and [n][m] markers per sentence with offsets into the answer', () => {
    const answer = 'Compression is off by default [1]. Enable it per router [1][3]. Small bodies are skipped [2, 4].';
    const sentences = extractCitations(answer);
    assert.deepEqual(sentences.map((sentence) => sentence.markers), [[1], [1, 3], [2, 4]]);
    assert.deepEqual(sentences.map((sentence) => sentence.claim), [
      'Compression is off by default.',
      'Enable it per router.',
      'Small bodies are skipped.',
    ]);
    for (const sentence of sentences) {
      assert.equal(answer.slice(sentence.start, sentence.end), sentence.text);
      for (const marker of sentence.markerSpans) assert.match(answer.slice(marker.start, marker.end), /^\[\d+(, \d+)?\]$/);
    }
    assert.deepEqual(sentences[1]?.markerSpans.map((marker) => marker.numbers), [[1], [3]]);
    assert.deepEqual(sentences[2]?.markerSpans.map((marker) => marker.numbers), [[2, 4]]);
  });

  it('gives markers written after the full stop to the sentence they follow', () => {
    const spaced = extractCitations('It is off by default. [2] Enable it per router. [1]');
    assert.deepEqual(spaced.map((sentence) => [sentence.text, sentence.markers]), [
      ['It is off by default. [2]', [2]],
      ['Enable it per router. [1]', [1]],
    ]);
    const glued = extractCitations('It is off by default.[2][3] Enable it per router.[1]');
    assert.deepEqual(glued.map((sentence) => [sentence.text, sentence.markers]), [
      ['It is off by default.[2][3]', [2, 3]],
      ['Enable it per router.[1]', [1]],
    ]);
  });

  it('keeps sentences without markers and repeats of a number once', () => {
    const sentences = extractCitations('Here is what I found.\n\n- Set it to true [1].\n- Restart it [1] [1, 2].');
    assert.deepEqual(sentences.map((sentence) => sentence.markers), [[], [1], [1, 2]]);
    assert.equal(sentences[0]?.markerSpans.length, 0);
    assert.deepEqual(extractCitations(''), []);
  });

  it('ignores brackets that are not citation markers', () => {
    const sentences = extractCitations('See the [docs](https://example.com) and items[i] or [^1] [a].');
    assert.deepEqual(sentences[0]?.markers, []);
  });
});
