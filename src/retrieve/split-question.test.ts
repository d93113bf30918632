import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitQuestion } from './split-question.js';

describe('splitQuestion', () => {
  it('splits sentences and two named things joined by a connective', () => {
    assert.deepEqual(splitQuestion('What status does inFlightReq return when full, and what period does rateLimit use?'), [
      'What status does inFlightReq return when full,',
      'what period does rateLimit use?',
    ]);
    assert.deepEqual(splitQuestion('I use the HTTP-01 challenge. Which port must stay open?'), ['I use the HTTP-01 challenge.', 'Which port must stay open?']);
    assert.equal(splitQuestion('Compare the leaf node port versus the cluster port').length, 2);
  });

  it('keeps a question about one thing whole', () => {
    assert.deepEqual(splitQuestion('How do I enable gzip compression?'), []);
    assert.deepEqual(splitQuestion('Are black and white images compressed?'), []);
  });
});
