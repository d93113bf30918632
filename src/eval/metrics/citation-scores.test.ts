import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Citation } from '../../core/answer.js';
import { citationScores } from './citation-scores.js';

const cite = (n: number, doc: string, start: number, end: number, quote = 'unrelated text'): Citation => ({
  n, doc, start, end, quote, chunkId: `${doc}#${start}`,
});

describe('citationScores', () => {
  const evidence = [{ doc: 'a.md', start: 100, end: 200 }, { doc: 'b.md', start: 0, end: 50 }];

  it('supports citations by span overlap; recall is the share of evidence cited', () => {
    const scores = citationScores([cite(1, 'a.md', 150, 160), cite(2, 'c.md', 0, 10)], evidence, []);
    assert.deepEqual(scores, { precision: 0.5, recall: 0.5 });
  });
  it('supports a citation whose quote contains a normalized accepted answer', () => {
    const scores = citationScores([cite(1, 'c.md', 0, 40, 'The limit is 1,048,576 bytes.')], evidence, ['1048576']);
    assert.deepEqual(scores, { precision: 1, recall: 0 });
  });
  it('matches answers at token boundaries only', () => {
    assert.equal(citationScores([cite(1, 'c.md', 0, 9, 'port 5000')], evidence, ['500']).precision, 0);
    assert.equal(citationScores([cite(1, 'c.md', 0, 9, 'port 500.')], evidence, ['500']).precision, 1);
  });
  it('ignores answers that normalize to nothing', () => {
    assert.equal(citationScores([cite(1, 'c.md', 0, 9, 'anything')], evidence, ['the', '']).precision, 0);
  });
  it('touching spans do not overlap', () => {
    assert.equal(citationScores([cite(1, 'a.md', 200, 210)], evidence, []).precision, 0);
  });
  it('null precision without citations, null recall without evidence', () => {
    assert.deepEqual(citationScores([], evidence, ['x']), { precision: null, recall: 0 });
    assert.deepEqual(citationScores([cite(1, 'a.md', 0, 5)], [], []), { precision: 0, recall: null });
    assert.deepEqual(citationScores([], [], []), { precision: null, recall: null });
  });
});
