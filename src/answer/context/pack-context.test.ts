import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ScoredChunk } from '../../core/document.js';
import { isGroundedError } from '../../core/errors.js';
import { createTokenCounterForModel } from './create-token-counter-for-model.js';
import { formatSource } from './format-source.js';
import { packContext } from './pack-context.js';

function passage(id: string, text: string, rank: number): ScoredChunk {
  return {
    chunk: { id, doc: `${id}.md`, title: id, ordinal: 0, start: 0, end: text.length, text, headingPath: ['Guide'], tokens: 0 },
    score: 1 / rank,
    rank,
  };
}

const counter = createTokenCounterForModel('gpt-4o');
const long = passage('long', 'Routers match requests with rules and forward them to services. '.repeat(12), 1);
const medium = passage('medium', 'Middlewares tweak requests before they reach a service, for example to add headers.', 2);
const short = passage('short', 'Compression is off by default.', 3);

describe('packContext', () => {
  it('keeps passages in rank order while they fit, numbering them 1..n in the order kept', () => {
    const all = packContext([long, medium, short], { budgetTokens: 10_000, counter });
    assert.deepEqual(all.sources.map((source) => [source.n, source.passage.chunk.id]), [[1, 'long'], [2, 'medium'], [3, 'short']]);
    assert.equal(all.dropped, 0);
    assert.equal(all.sources[1]?.text, formatSource(medium, 2));
  });

  it('skips a passage that does not fit and still takes later smaller ones, renumbered', () => {
    const mediumTokens = counter.count(formatSource(medium, 1));
    const shortTokens = counter.count(formatSource(short, 2));
    const budget = mediumTokens + shortTokens;
    const packed = packContext([long, medium, short], { budgetTokens: budget, counter });
    assert.deepEqual(packed.sources.map((source) => [source.n, source.passage.chunk.id]), [[1, 'medium'], [2, 'short']]);
    assert.equal(packed.dropped, 1);
    assert.equal(packed.usedTokens, budget);
  });

  it('respects the budget exactly with real token counts of the formatted text', () => {
    const passages = Array.from({ length: 30 }, (_, index) =>
      passage(`p${index}`, `Passage ${index} says ${'word '.repeat((index * 7) % 23)}and ends here.`, index + 1),
    );
    for (const budget of [0, 1, 17, 40, 99, 250, 600]) {
      const packed = packContext(passages, { budgetTokens: budget, counter });
      let sum = 0;
      for (const source of packed.sources) {
        assert.equal(source.tokens, counter.count(source.text));
        sum += source.tokens;
      }
      assert.equal(packed.usedTokens, sum);
      assert.ok(packed.usedTokens <= budget, `budget ${budget}: used ${packed.usedTokens}`);
      assert.equal(packed.dropped, passages.length - packed.sources.length);
      const ranks = packed.sources.map((source) => source.passage.rank);
      assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b));
    }
    const atSum = packContext(passages.slice(0, 3), { budgetTokens: 10_000, counter }).usedTokens;
    assert.equal(packContext(passages.slice(0, 3), { budgetTokens: atSum, counter }).sources.length, 3);
    assert.equal(packContext(passages.slice(0, 3), { budgetTokens: atSum - 1, counter }).sources.length, 2);
  });

  it('uses the caller format and measures the numbered text', () => {
    const packed = packContext([short, medium], { budgetTokens: 1_000, counter, format: (p, n) => `<${n}>${p.chunk.id}` });
    assert.deepEqual(packed.sources.map((source) => source.text), ['<1>short', '<2>medium']);
    assert.equal(packed.sources[0]?.tokens, counter.count('<1>short'));
  });

  it('returns nothing for no passages', () => {
    assert.deepEqual(packContext([], { budgetTokens: 100, counter }), { sources: [], usedTokens: 0, dropped: 0 });
  });

  it('rejects a negative or fractional budget with INVALID_ARGUMENT', () => {
    for (const budgetTokens of [-1, 1.5, Number.NaN]) {
      assert.throws(() => packContext([short], { budgetTokens, counter }), (error) => isGroundedError(error, 'INVALID_ARGUMENT'));
    }
  });
});
