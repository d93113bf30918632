import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildBm25Index } from '../indexing/lexical/build-bm25-index.js';
import { countTerms } from '../indexing/lexical/count-terms.js';
import { focusQuery } from './focus-query.js';
import { focusRanking } from './focus-ranking.js';

const texts = [
  'port 80 must be reachable for the challenge',
  'the entry point redirect option sends traffic to another entry point',
  'redirect traffic with a middleware',
  'the challenge port and the redirect',
  'unrelated words about logs',
];
const index = buildBm25Index(texts.map((text, row) => ({ row, body: countTerms(text.split(' ')), title: countTerms([]) })));

describe('focusRanking with focusQuery', () => {
  it('equals a brute-force weighted query: part terms at their count in the part, the rest at wholeWeight per occurrence', () => {
    // "redirect" also occurs outside the part and "port" twice: repeats are where a plain blend of scores goes wrong.
    const question = ['port', 'challenge', 'redirect', 'port', 'redirect', 'traffic', 'entry', 'point'];
    const part = ['redirect', 'traffic', 'entry', 'point'];
    const wholeWeight = 0.3;
    const reference = new Map<string, number>();
    for (const term of question) if (!part.includes(term)) reference.set(term, (reference.get(term) ?? 0) + wholeWeight);
    for (const term of part) reference.set(term, (reference.get(term) ?? 0) + 1);
    const expected = index.search(reference, 10);
    const blended = focusRanking(index.search(question, 10), index.search(focusQuery(question, part, wholeWeight), 10), wholeWeight);
    assert.deepEqual(blended.map((hit) => hit.row), expected.map((hit) => hit.row));
    blended.forEach((hit, position) => assert.ok(Math.abs(hit.score - (expected[position]?.score ?? 0)) < 1e-4));
  });

  it('focusQuery keeps only the part terms, less wholeWeight per occurrence in the question, dropping those left at 0', () => {
    const query = focusQuery(['a', 'b', 'b', 'c'], ['b', 'c'], 0.3) as ReadonlyMap<string, number>;
    assert.deepEqual([...query.keys()], ['b', 'c']);
    assert.ok(Math.abs((query.get('b') ?? 0) - 0.4) < 1e-12 && Math.abs((query.get('c') ?? 0) - 0.7) < 1e-12);
    assert.deepEqual(focusQuery(['a', 'a', 'a', 'a'], ['a'], 0.3), new Map());
  });

  it('keeps rows only one list found, the part list scoring as it is', () => {
    const rows = focusRanking([{ row: 1, score: 9 }], [{ row: 2, score: 5 }, { row: 3, score: 2 }], 0.3).map((hit) => hit.row);
    assert.deepEqual(rows, [2, 1, 3]);
  });
});
