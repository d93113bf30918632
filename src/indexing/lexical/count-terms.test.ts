import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countTerms } from './count-terms.js';

describe('countTerms', () => {
  it('counts each term and takes the number of terms as the length', () => {
    const field = countTerms(['cat', 'sat', 'cat', 'mat', 'cat']);
    assert.deepEqual([...field.terms], [
      ['cat', 3],
      ['sat', 1],
      ['mat', 1],
    ]);
    assert.equal(field.length, 5);
  });

  it('gives an empty field for no terms', () => {
    const field = countTerms([]);
    assert.equal(field.terms.size, 0);
    assert.equal(field.length, 0);
  });
});
