import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectRefusal } from './detect-refusal.js';

describe('detectRefusal', () => {
  it('detects the asked-for sentence and its paraphrases', () => {
    for (const reply of [
      'I cannot answer this from the provided sources.',
      '  i cannot answer this from the provided sources  ',
      'The provided sources do not mention how much the subscription costs.',
      "I couldn't find anything about Kafka in the documents.",
      'This is not covered in the provided documentation.',
      'There is no information about pricing.',
      '',
    ]) {
      assert.equal(detectRefusal(reply), true, reply);
    }
  });

  it('does not take an answer for a refusal, even one that mentions a missing detail', () => {
    for (const reply of [
      'It listens on port 8080 [1].',
      'The sources do not say more, but the default is 10s [2].',
      'Yes: both options are mutually exclusive.',
    ]) {
      assert.equal(detectRefusal(reply), false, reply);
    }
  });
});
