import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createAsciiTermMemo } from './create-ascii-term-memo.js';

describe('createAsciiTermMemo', () => {
  const analyze = (raw: string): string | undefined => (raw.toLowerCase() === 'the' ? undefined : `<${raw.toLowerCase()}>`);

  it('reads tokens in place and analyzes each distinct token once', () => {
    const seen: string[] = [];
    const memo = createAsciiTermMemo((raw) => {
      seen.push(raw);
      return analyze(raw);
    });
    const text = 'The cat saw the Cat';
    const bounds = [[0, 3], [4, 7], [8, 11], [12, 15], [16, 19], [4, 7]] as const;
    assert.deepEqual(bounds.map(([start, end]) => memo.termAt(text, start, end)), [undefined, '<cat>', '<saw>', undefined, '<cat>', '<cat>']);
    assert.deepEqual(seen, ['The', 'cat', 'saw', 'the', 'Cat']);
    assert.equal(memo.size, 5);
  });

  it('agrees with the function it memoizes through growth and starting over at its limit', () => {
    const token = fc.string({ unit: fc.constantFrom('a', 'b', 'T', 'h', 'e', '1', '.'), minLength: 1, maxLength: 16 });
    fc.assert(
      fc.property(fc.array(token, { maxLength: 400 }), fc.integer({ min: 1, max: 50 }), (tokens, limit) => {
        const memo = createAsciiTermMemo(analyze, limit);
        const text = tokens.join(' ');
        let start = 0;
        for (const raw of [...tokens, ...tokens]) {
          const at = start % (text.length + 1);
          const from = text.startsWith(raw, at) ? at : text.indexOf(raw);
          assert.equal(memo.termAt(text, from, from + raw.length), analyze(raw));
          start = from + raw.length + 1;
        }
        assert.ok(memo.size <= Math.max(limit, 1));
      }),
      { numRuns: 200 },
    );
  });
});
