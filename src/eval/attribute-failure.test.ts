import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attributeFailure, type CaseOutcome } from './attribute-failure.js';

const passing: CaseOutcome = {
  kind: 'answerable',
  abstained: false,
  hasAnswers: true,
  evidenceRecall: 1,
  correct: 1,
  citationPrecision: 1,
  checks: [{ type: 'max_words', passed: true, detail: '12 words' }],
};
const failedCheck = [{ type: 'max_words', passed: false, detail: '120 words > 80' }];

describe('attributeFailure', () => {
  it('passes a right, cited, well-behaved answer', () => {
    assert.equal(attributeFailure(passing), null);
  });
  it('blames retrieval when the evidence never reached the answerer', () => {
    assert.equal(attributeFailure({ ...passing, correct: 0, evidenceRecall: 0 }), 'retrieval-miss');
    assert.equal(attributeFailure({ ...passing, abstained: true, evidenceRecall: 0 }), 'retrieval-miss');
  });
  it('blames generation when the evidence was there and the answer is wrong or partial', () => {
    assert.equal(attributeFailure({ ...passing, correct: 0 }), 'generation-miss');
    assert.equal(attributeFailure({ ...passing, kind: 'synthesis', correct: 0.5, evidenceRecall: 0.5 }), 'generation-miss');
  });
  it('separates a false abstention from a retrieval miss', () => {
    assert.equal(attributeFailure({ ...passing, abstained: true }), 'false-abstention');
  });
  it('flags right answers whose citations support nothing', () => {
    assert.equal(attributeFailure({ ...passing, citationPrecision: 0 }), 'citation-miss');
    assert.equal(attributeFailure({ ...passing, citationPrecision: null }), 'citation-miss');
  });
  it('flags behaviour only when the facts are right', () => {
    assert.equal(attributeFailure({ ...passing, checks: failedCheck }), 'behaviour-miss');
    assert.equal(attributeFailure({ ...passing, correct: 0, checks: failedCheck }), 'generation-miss');
  });
  it('scores unanswerable cases on abstaining', () => {
    const unanswerable = { ...passing, kind: 'unanswerable' as const, hasAnswers: false, evidenceRecall: 0, correct: 0 };
    assert.equal(attributeFailure(unanswerable), 'answered-unanswerable');
    assert.equal(attributeFailure({ ...unanswerable, abstained: true }), null);
  });
  it('judges retrieval-only cases (no answers) by retrieval and citations', () => {
    const retrievalOnly = { ...passing, hasAnswers: false, correct: 0 };
    assert.equal(attributeFailure(retrievalOnly), null);
    assert.equal(attributeFailure({ ...retrievalOnly, evidenceRecall: 0 }), 'retrieval-miss');
  });
});
