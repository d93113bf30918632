import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AnalyzedChunk } from '../../../src/core/lexical-index.js';
import { decodeBm25Postings } from '../../../src/indexing/lexical/bm25-postings.js';
import { buildBm25Index } from '../../../src/indexing/lexical/build-bm25-index.js';
import { countTerms } from '../../../src/indexing/lexical/count-terms.js';
import { createWeightedBm25Searcher } from './create-weighted-bm25-searcher.js';

function chunk(row: number, body: string, title = ''): AnalyzedChunk {
  const split = (text: string): string[] => text.split(' ').filter((term) => term !== '');
  return { row, body: countTerms(split(body)), title: countTerms(split(title)) };
}

const chunks = [
  chunk(3, 'cat sat on mat', 'cats'),
  chunk(5, 'dog chased cat cat'),
  chunk(8, 'kitten played with yarn', 'kitten'),
  chunk(9, 'dog barked'),
];
const index = buildBm25Index(chunks);
const searcher = createWeightedBm25Searcher(decodeBm25Postings(index.toSnapshot()));

describe('createWeightedBm25Searcher', () => {
  it('gives the plain index scores when every weight is the query term count', () => {
    for (const query of [['cat'], ['dog', 'cat'], ['cat', 'cat', 'kitten'], ['yarn', 'unknown']]) {
      const weighted = new Map<string, number>();
      for (const term of query) weighted.set(term, (weighted.get(term) ?? 0) + 1);
      const expected = index.search(query, 10);
      const actual = searcher.search(weighted, 10);
      assert.deepEqual(actual.map((hit) => hit.row), expected.map((hit) => hit.row));
      for (const [position, hit] of actual.entries()) assert.ok(Math.abs(hit.score - (expected[position]?.score ?? 0)) < 1e-6);
    }
  });

  it('scales each term contribution by its weight', () => {
    const dogOnly = searcher.search(new Map([['dog', 1]]), 10);
    const kittenOnly = searcher.search(new Map([['kitten', 1]]), 10);
    const mixed = searcher.search(new Map([['dog', 0.25], ['kitten', 2]]), 10);
    const dog9 = dogOnly.find((hit) => hit.row === 9)?.score ?? 0;
    const kitten8 = kittenOnly.find((hit) => hit.row === 8)?.score ?? 0;
    assert.equal(mixed[0]?.row, 8);
    assert.ok(Math.abs((mixed[0]?.score ?? 0) - 2 * kitten8) < 1e-6);
    assert.ok(Math.abs((mixed.find((hit) => hit.row === 9)?.score ?? 0) - 0.25 * dog9) < 1e-6);
  });

  it('ignores non-positive, non-finite and unknown weights and returns [] for nothing to score', () => {
    assert.deepEqual(searcher.search(new Map([['cat', 0], ['dog', -1], ['yarn', Number.NaN], ['zebra', 1]]), 10), []);
    assert.deepEqual(searcher.search(new Map([['cat', 1]]), 0), []);
  });

  it('counts document frequency over both fields', () => {
    assert.equal(searcher.size, 4);
    assert.equal(searcher.documentFrequency('cat'), 2);
    assert.equal(searcher.documentFrequency('kitten'), 1);
    assert.equal(searcher.documentFrequency('cats'), 1);
    assert.equal(searcher.documentFrequency('zebra'), 0);
  });
});
