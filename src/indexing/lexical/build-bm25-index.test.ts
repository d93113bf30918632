import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isGroundedError } from '../../core/errors.js';
import type { AnalyzedChunk, FieldTerms, LexicalHit } from '../../core/lexical-index.js';
import { DEFAULT_TITLE_WEIGHT, type Bm25Params } from './bm25-params.js';
import { buildBm25Index } from './build-bm25-index.js';
import { countTerms } from './count-terms.js';
import { decodeFieldTerms, encodeFieldTerms } from './field-terms-codec.js';

const TOLERANCE = 1e-4;

function chunk(row: number, body: string, title = ''): AnalyzedChunk {
  const split = (text: string): string[] => text.split(' ').filter((term) => term !== '');
  return { row, body: countTerms(split(body)), title: countTerms(split(title)) };
}

/** Brute force: every chunk, every query term, the BM25F formula written out in float64. */
function referenceScores(chunks: readonly AnalyzedChunk[], query: readonly string[], params: Bm25Params): Map<number, number> {
  const k1 = params.k1 ?? 0.9;
  const b = params.b ?? 0.4;
  const titleWeight = params.titleWeight ?? DEFAULT_TITLE_WEIGHT;
  const titleB = params.titleB ?? b;
  const count = chunks.length;
  const average = (pick: (chunk: AnalyzedChunk) => FieldTerms): number =>
    chunks.reduce((sum, chunk) => sum + pick(chunk).length, 0) / count;
  const avgBody = average((chunk) => chunk.body);
  const avgTitle = average((chunk) => chunk.title);
  const combinedTf = (chunk: AnalyzedChunk, term: string): number => {
    let tf = 0;
    const bodyTf = chunk.body.terms.get(term) ?? 0;
    if (bodyTf > 0) tf += bodyTf / (1 - b + (b * chunk.body.length) / avgBody);
    const titleTf = chunk.title.terms.get(term) ?? 0;
    if (titleTf > 0) tf += (titleWeight * titleTf) / (1 - titleB + (titleB * chunk.title.length) / avgTitle);
    return tf;
  };
  const scores = new Map<number, number>();
  for (const chunk of chunks) {
    let score = 0;
    let matched = false;
    for (const term of query) {
      const tf = combinedTf(chunk, term);
      if (tf === 0) continue;
      const df = chunks.filter((other) => combinedTf(other, term) > 0).length;
      const idf = Math.log(1 + (count - df + 0.5) / (df + 0.5));
      score += (idf * tf) / (k1 + tf);
      matched = true;
    }
    if (matched) scores.set(chunk.row, score);
  }
  return scores;
}

function referenceTopK(scores: Map<number, number>, k: number): LexicalHit[] {
  return [...scores]
    .map(([row, score]) => ({ row, score }))
    .sort((left, right) => right.score - left.score || left.row - right.row)
    .slice(0, k);
}

function assertMatchesReference(actual: LexicalHit[], scores: Map<number, number>, k: number): void {
  const expected = referenceTopK(scores, k);
  assert.equal(actual.length, expected.length);
  for (let rank = 0; rank < actual.length; rank++) {
    const hit = actual[rank];
    const want = expected[rank];
    assert.ok(hit && want);
    assert.ok(Math.abs(hit.score - want.score) < TOLERANCE, `rank ${rank}: ${hit.score} vs ${want.score}`);
    assert.ok(Math.abs(hit.score - (scores.get(hit.row) ?? -1)) < TOLERANCE, `row ${hit.row} scored ${hit.score}`);
  }
  // The same rows in the same order, except where the reference has ties or near-ties: the index sums float32
  // weights, so scores equal in float64 may differ in the last bits and order either way.
  const ordered = [...scores.values()].sort((left, right) => right - left);
  const nearTie = ordered.some((score, index) => index > 0 && (ordered[index - 1] ?? 0) - score < TOLERANCE);
  if (!nearTie) assert.deepEqual(actual.map((hit) => hit.row), expected.map((hit) => hit.row));
}

const vocabulary = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'];
const skewedTerm = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...vocabulary.slice(0, 3)) },
  { weight: 1, arbitrary: fc.constantFrom(...vocabulary) },
);
const randomChunk = fc.record({
  body: fc.array(skewedTerm, { maxLength: 30 }),
  title: fc.array(skewedTerm, { maxLength: 5 }),
  gap: fc.integer({ min: 1, max: 1000 }),
});
const randomParams = fc.record(
  {
    k1: fc.double({ min: 0.1, max: 3, noNaN: true }),
    b: fc.double({ min: 0, max: 1, noNaN: true }),
    titleWeight: fc.double({ min: 0, max: 5, noNaN: true }),
    titleB: fc.double({ min: 0, max: 1, noNaN: true }),
  },
  { requiredKeys: [] },
);

describe('buildBm25Index', () => {
  it('matches a brute-force BM25F scorer on random corpora', () => {
    fc.assert(
      fc.property(
        fc.array(randomChunk, { minLength: 1, maxLength: 60 }),
        fc.array(fc.constantFrom(...vocabulary, 'unknown'), { maxLength: 8 }),
        fc.integer({ min: 1, max: 20 }),
        randomParams,
        (specs, query, k, params) => {
          let row = -50;
          const chunks = specs.map((spec) => chunk((row += spec.gap), spec.body.join(' '), spec.title.join(' ')));
          const index = buildBm25Index([...chunks].reverse(), params);
          assert.equal(index.size, chunks.length);
          assertMatchesReference(index.search(query, k), referenceScores(chunks, query, params), k);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives identical results from decoded stored fields, long titles included', () => {
    const longTitle = vocabulary.concat(vocabulary.map((term) => `${term}${term}`), ['x', 'y']).join(' ');
    const chunks = [chunk(4, 'a b c a', 'b d'), chunk(8, 'c c e', longTitle), chunk(9, 'f g h', 'a'), chunk(12, '', 'k')];
    const stored = chunks.map((original) => ({
      row: original.row,
      body: decodeFieldTerms(encodeFieldTerms(original.body)),
      title: decodeFieldTerms(encodeFieldTerms(original.title)),
    }));
    for (const query of [['a'], ['c', 'x'], ['k', 'b', 'b'], vocabulary]) {
      const expected = buildBm25Index(chunks).search(query, 10);
      assert.ok(expected.length > 0);
      assert.deepEqual(buildBm25Index(stored).search(query, 10), expected);
    }
  });

  it('scores repeated query terms by their query frequency', () => {
    const index = buildBm25Index([chunk(1, 'cat dog'), chunk(2, 'dog dog cat'), chunk(3, 'bird')]);
    const once = index.search(['cat', 'dog'], 10);
    const twice = index.search(['cat', 'cat', 'dog'], 10);
    const single = index.search(['cat'], 10);
    assert.equal(twice.length, 2);
    for (const hit of twice) {
      const base = once.find((other) => other.row === hit.row)?.score ?? 0;
      const cat = single.find((other) => other.row === hit.row)?.score ?? 0;
      assert.ok(Math.abs(hit.score - (base + cat)) < 1e-6);
    }
  });

  it('returns [] for empty, unknown-only queries and k < 1, and ignores unknown terms', () => {
    const index = buildBm25Index([chunk(5, 'alpha beta'), chunk(9, 'gamma')]);
    assert.deepEqual(index.search([], 10), []);
    assert.deepEqual(index.search(['nope'], 10), []);
    assert.deepEqual(index.search(['alpha'], 0), []);
    assert.deepEqual(
      index.search(['nope', 'gamma'], 10).map((hit) => hit.row),
      [9],
    );
    assert.deepEqual(buildBm25Index([]).search(['alpha'], 10), []);
  });

  it('filters before ranking: the best k accepted rows, even when the unfiltered top k has none', () => {
    const chunks = Array.from({ length: 50 }, (_, row) => chunk(row, `apple ${'apple '.repeat(row % 7)}filler ${row}`));
    const index = buildBm25Index(chunks);
    const accept = (row: number): boolean => row % 10 === 3;
    const all = index.search(['apple'], 50);
    const expected = all.filter((hit) => accept(hit.row)).slice(0, 3);
    assert.deepEqual(index.search(['apple'], 3, { accept }), expected);
    assert.equal(expected.length, 3);
    // The filter does not leak into the next query (scores are reset for every touched row).
    assert.deepEqual(index.search(['apple'], 50), all);
  });

  it('takes weighted terms: a map weight of 2 scores as a repeated term, 0.5 as half', () => {
    const index = buildBm25Index([chunk(1, 'cat dog'), chunk(2, 'cat cat bird'), chunk(3, 'dog bird')]);
    assert.deepEqual(index.search(new Map([['cat', 2], ['dog', 1]]), 10), index.search(['cat', 'dog', 'cat'], 10));
    const half = index.search(new Map([['bird', 0.5]]), 10);
    const whole = index.search(['bird'], 10);
    assert.deepEqual(half.map((hit) => hit.row), whole.map((hit) => hit.row));
    for (const [position, hit] of half.entries()) assert.ok(Math.abs(hit.score - (whole[position]?.score ?? 0) / 2) < 1e-6);
  });

  it('returns sparse caller rows and breaks ties by the lower row', () => {
    const index = buildBm25Index([chunk(2 ** 40, 'same text'), chunk(17, 'same text'), chunk(300, 'other')]);
    assert.deepEqual(
      index.search(['same'], 10).map((hit) => hit.row),
      [17, 2 ** 40],
    );
  });

  it('ranks a title match above the same body match by default, and not with titleWeight 0', () => {
    const chunks = [chunk(1, 'neutron star physics', 'notes'), chunk(2, 'physics notes', 'neutron star'), chunk(3, 'filler text here', 'misc')];
    assert.equal(buildBm25Index(chunks).search(['neutron'], 1)[0]?.row, 2);
    const titleless = buildBm25Index(chunks, { titleWeight: 0 });
    assert.deepEqual(titleless.search(['neutron'], 10).map((hit) => hit.row), [1]);
  });

  it('reports Lucene idf per term, the largest for a term no chunk has', () => {
    const index = buildBm25Index([chunk(1, 'cat dog'), chunk(2, 'cat'), chunk(3, 'bird')]);
    // N = 3; cat in 2 chunks, bird in 1, fish in none.
    assert.ok(Math.abs(index.idf('cat') - Math.log(1 + 1.5 / 2.5)) < 1e-12);
    assert.ok(Math.abs(index.idf('bird') - Math.log(1 + 2.5 / 1.5)) < 1e-12);
    assert.ok(Math.abs(index.idf('fish') - Math.log(1 + 3.5 / 0.5)) < 1e-12);
    assert.ok(index.idf('fish') > index.idf('bird') && index.idf('bird') > index.idf('cat'));
  });

  it('gives the same results when searched again (buffers are reset)', () => {
    const index = buildBm25Index([chunk(1, 'a b'), chunk(2, 'b c'), chunk(3, 'c a a')]);
    const first = index.search(['a', 'c'], 3);
    index.search(['b'], 3);
    assert.deepEqual(index.search(['a', 'c'], 3), first);
  });

  it('rejects duplicate or non-integer rows and out-of-range parameters', () => {
    assert.throws(() => buildBm25Index([chunk(1, 'a'), chunk(1, 'b')]), (error) => isGroundedError(error, 'INTERNAL'));
    assert.throws(() => buildBm25Index([chunk(1.5, 'a')]), (error) => isGroundedError(error, 'INTERNAL'));
    for (const params of [{ b: 1.2 }, { k1: -1 }, { titleWeight: Number.NaN }, { titleB: -0.1 }]) {
      assert.throws(() => buildBm25Index([chunk(1, 'a')], params), (error) => isGroundedError(error, 'INVALID_CONFIG'));
    }
  });
});
