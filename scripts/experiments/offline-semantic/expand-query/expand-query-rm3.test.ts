import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expandQueryRm3, type Rm3Collection } from './expand-query-rm3.js';

const TOLERANCE = 1e-12;
const terms = (entries: Record<string, number>): Map<string, number> => new Map(Object.entries(entries));
/** 100 chunks; `common` is in 20 of them (ratio 0.2 > 0.1), every other term in 1. */
const collection: Rm3Collection = { size: 100, documentFrequency: (term) => (term === 'common' ? 20 : 1) };

function assertWeights(actual: Map<string, number>, expected: Record<string, number>): void {
  assert.deepEqual([...actual.keys()].sort(), Object.keys(expected).sort());
  for (const [term, weight] of Object.entries(expected)) {
    assert.ok(Math.abs((actual.get(term) ?? Number.NaN) - weight) < TOLERANCE, `${term}: ${actual.get(term)} vs ${weight}`);
  }
}

describe('expandQueryRm3', () => {
  it('matches a hand-computed relevance model (prune per chunk, score-weight, prune, interpolate)', () => {
    // Chunk 1 (score 2): pruned to {cc: 3, aa: 2}, |d| = 5. Chunk 2 (score 1): {cc: 1, ee: 1}, |d| = 2.
    // RM: cc = 3/5·2 + 1/2·1 = 1.7, aa = 2/5·2 = 0.8, ee = 0.5 -> pruned to {cc, aa}, normalized by 2.5.
    // Interpolated with q = {aa: 0.5, bb: 0.5} at α = 0.5: aa = 0.25 + 0.16, bb = 0.25, cc = 0.34.
    const expanded = expandQueryRm3(
      ['aa', 'bb'],
      [
        { terms: terms({ aa: 2, cc: 3, dd: 1 }), score: 2 },
        { terms: terms({ cc: 1, ee: 1 }), score: 1 },
      ],
      collection,
      { feedbackTerms: 2 },
    );
    assertWeights(expanded, { aa: 0.41, bb: 0.25, cc: 0.34 });
    assert.ok(Math.abs([...expanded.values()].reduce((sum, weight) => sum + weight, 0) - 1) < TOLERANCE);
  });

  it('drops common, short, long and symbol terms from feedback but keeps them in the query', () => {
    const expanded = expandQueryRm3(
      ['common', 'x'],
      [{ terms: terms({ common: 9, x: 9, ['y'.repeat(21)]: 9, "aren't": 9, zz: 1 }), score: 1 }],
      collection,
      { originalQueryWeight: 0.6 },
    );
    assertWeights(expanded, { common: 0.3, x: 0.3, zz: 0.4 });
  });

  it('reads only the first feedbackDocs chunks and weights repeated query terms', () => {
    const expanded = expandQueryRm3(
      ['aa', 'aa', 'bb'],
      [
        { terms: terms({ cc: 1 }), score: 1 },
        { terms: terms({ dd: 1 }), score: 5 },
      ],
      collection,
      { feedbackDocs: 1 },
    );
    assertWeights(expanded, { aa: 1 / 3, bb: 1 / 6, cc: 0.5 });
  });

  it('returns the normalized query when feedback is empty and nothing for an empty query', () => {
    assertWeights(expandQueryRm3(['aa', 'bb'], [], collection), { aa: 0.5, bb: 0.5 });
    assertWeights(expandQueryRm3(['aa'], [{ terms: terms({ common: 4 }), score: 3 }], collection), { aa: 1 });
    assert.equal(expandQueryRm3([], [{ terms: terms({ cc: 1 }), score: 1 }], collection).size, 0);
  });

  it('with originalQueryWeight 1 is the original query', () => {
    const expanded = expandQueryRm3(['aa'], [{ terms: terms({ cc: 1 }), score: 1 }], collection, { originalQueryWeight: 1 });
    assertWeights(expanded, { aa: 1 });
  });
});
