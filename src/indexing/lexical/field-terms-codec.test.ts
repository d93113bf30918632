import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isGroundedError } from '../../core/errors.js';
import { decodeFieldTerms, encodeFieldTerms } from './field-terms-codec.js';

describe('encodeFieldTerms / decodeFieldTerms', () => {
  it('writes frequencies once per group, in a compact text', () => {
    const encoded = encodeFieldTerms({
      terms: new Map([
        ['cat', 2],
        ['sat', 1],
        ['mat', 1],
      ]),
      length: 4,
    });
    assert.equal(encoded, '4\n1 sat mat\n2 cat');
  });

  it('round-trips an empty field', () => {
    const decoded = decodeFieldTerms(encodeFieldTerms({ terms: new Map(), length: 0 }));
    assert.equal(decoded.length, 0);
    assert.equal(decoded.terms.size, 0);
  });

  it('round-trips any terms, including whitespace, backslashes and the empty string', () => {
    const fields = fc.record({
      terms: fc.dictionary(fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\\', 'e', 's', 'n', '1', 'é') }), fc.integer({ min: 1, max: 50 })),
      length: fc.nat(10_000),
    });
    fc.assert(
      fc.property(fields, ({ terms, length }) => {
        const original = new Map(Object.entries(terms));
        const decoded = decodeFieldTerms(encodeFieldTerms({ terms: original, length }));
        assert.equal(decoded.length, length);
        assert.deepEqual(new Map([...decoded.terms].sort()), new Map([...original].sort()));
      }),
      { numRuns: 500 },
    );
  });

  it('writes frequency groups in ascending order, very large frequencies included', () => {
    const terms = new Map([['huge', 5000], ['cat', 2], ['big', 1024], ['sat', 1], ['mat', 2], ['odd', 1023]]);
    assert.equal(encodeFieldTerms({ terms, length: 9 }), '9\n1 sat\n2 cat mat\n1023 odd\n1024 big\n5000 huge');
  });

  it('rejects text it did not make with STORE_CORRUPT', () => {
    for (const bad of ['', 'x', '-1', '3\n1', '3\nx cat', '3\n0 cat', '3\n1 cat  dog', '3\n1 c\\qt']) {
      assert.throws(() => decodeFieldTerms(bad), (error) => isGroundedError(error, 'STORE_CORRUPT'), JSON.stringify(bad));
    }
  });

  it('rejects frequencies that are not positive integers', () => {
    assert.throws(
      () => encodeFieldTerms({ terms: new Map([['cat', 0.5]]), length: 1 }),
      (error) => isGroundedError(error, 'INTERNAL'),
    );
  });
});
