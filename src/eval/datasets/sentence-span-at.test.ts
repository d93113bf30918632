import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sentenceSpanAt } from './sentence-span-at.js';

const sentenceOf = (text: string, answer: string): string => {
  const start = text.indexOf(answer);
  const span = sentenceSpanAt(text, start, start + answer.length);
  return text.slice(span.start, span.end);
};

it('returns the sentence holding the span, without surrounding white space', () => {
  const text = 'The Normans came. Rollo led them in 911.  Then they stayed!';
  assert.equal(sentenceOf(text, '911'), 'Rollo led them in 911.');
  assert.equal(sentenceOf(text, 'Normans'), 'The Normans came.');
  assert.equal(sentenceOf(text, 'stayed'), 'Then they stayed!');
});

it('does not split at initials, dotted acronyms, abbreviations or lower-case continuations', () => {
  const text = 'Intro here. J. R. R. Tolkien met Dr. Smith in the U.S. Army in 1915. He wrote e.g. poems. Next one.';
  assert.equal(sentenceOf(text, '1915'), 'J. R. R. Tolkien met Dr. Smith in the U.S. Army in 1915.');
  assert.equal(sentenceOf(text, 'poems'), 'He wrote e.g. poems.');
});

it('keeps closing quotes with the sentence and starts a sentence at an opening quote', () => {
  const text = 'He said "stop." "Why?" she asked. Fine.';
  assert.equal(sentenceOf(text, 'stop'), 'He said "stop."');
  assert.equal(sentenceOf(text, 'asked'), '"Why?" she asked.');
});

it('covers an answer that crosses a sentence boundary', () => {
  const text = 'First part. Second part. Third part.';
  const span = sentenceSpanAt(text, text.indexOf('part. Second'), text.indexOf('Second') + 6);
  assert.equal(text.slice(span.start, span.end), 'First part. Second part.');
});

it('uses the whole text when there is no boundary', () => {
  assert.deepEqual(sentenceSpanAt('no end here', 3, 6), { start: 0, end: 11 });
});
