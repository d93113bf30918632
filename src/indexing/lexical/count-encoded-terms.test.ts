import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { countEncodedTerms } from './count-encoded-terms.js';
import { countTerms } from './count-terms.js';
import { decodeFieldTerms, encodeFieldTerms } from './field-terms-codec.js';

describe('countEncodedTerms', () => {
  it('holds the counts countTerms gives, encoded as encodeFieldTerms writes them, and is written as it is', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('cat', 'sat', 'mat', 'a b', 'back\\slash', ''), { maxLength: 60 }), (terms) => {
        const counted = countTerms(terms);
        const encoded = countEncodedTerms(terms);
        assert.equal(encoded.encoded, encodeFieldTerms(counted));
        assert.equal(encodeFieldTerms(encoded), encoded.encoded);
        assert.equal(encoded.length, counted.length);
        assert.deepEqual(new Map([...encoded.terms].sort()), new Map([...counted.terms].sort()));
      }),
    );
  });

  it('makes the same stored text as a decoded field', () => {
    const stored = encodeFieldTerms(countTerms(['cat', 'sat', 'cat']));
    assert.equal(encodeFieldTerms(decodeFieldTerms(stored)), stored);
    assert.equal(countEncodedTerms(['cat', 'sat', 'cat']).encoded, '3\n1 sat\n2 cat');
  });
});
