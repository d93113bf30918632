import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { GoldenCase } from '../../core/golden-case.js';
import { validateGoldenSet } from './validate-golden-set.js';

const texts = new Map([
  ['a.md', 'Requests are buffered\non disk. The limit is 1048576 bytes.'],
  ['b.md', 'Rate limits use a token bucket.'],
]);

const golden = (id: string, sources: GoldenCase['sources']): GoldenCase => ({ id, question: 'Q?', answers: ['x'], sources, kind: 'answerable' });

describe('validateGoldenSet', () => {
  it('accepts verbatim quotes and sources without quotes', () => {
    const result = validateGoldenSet(
      [golden('q1', [{ doc: 'a.md', quote: 'limit is 1048576' }]), golden('q2', [{ doc: 'b.md' }])],
      (doc) => texts.get(doc),
    );
    assert.deepEqual(result, { sources: 2, exact: 2, problems: [] });
  });

  it('reports unknown documents, missing quotes and loose matches with the case id', () => {
    const result = validateGoldenSet(
      [
        golden('q1', [{ doc: 'missing.md' }, { doc: 'a.md', quote: 'buffered on disk' }]),
        golden('q2', [{ doc: 'b.md', quote: 'leaky bucket' }, { doc: 'b.md', quote: 'RATE limits' }]),
      ],
      (doc) => texts.get(doc),
    );
    assert.equal(result.sources, 4);
    assert.equal(result.exact, 0);
    assert.deepEqual(
      result.problems.map(({ caseId, doc, problem, match }) => ({ caseId, doc, problem, match })),
      [
        { caseId: 'q1', doc: 'missing.md', problem: 'unknown-doc', match: undefined },
        { caseId: 'q1', doc: 'a.md', problem: 'quote-inexact', match: 'whitespace' },
        { caseId: 'q2', doc: 'b.md', problem: 'quote-not-found', match: undefined },
        { caseId: 'q2', doc: 'b.md', problem: 'quote-inexact', match: 'case' },
      ],
    );
    assert.equal(result.problems[3]?.reason, "case 'q2': quote matches 'b.md' only when ignoring case and white space");
  });

  it('looks each document up once', () => {
    const asked: string[] = [];
    validateGoldenSet([golden('q1', [{ doc: 'a.md' }, { doc: 'nope' }]), golden('q2', [{ doc: 'a.md' }, { doc: 'nope' }])], (doc) => {
      asked.push(doc);
      return texts.get(doc);
    });
    assert.deepEqual(asked, ['a.md', 'nope']);
  });
});
