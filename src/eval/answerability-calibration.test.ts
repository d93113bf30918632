import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { GoldenKind } from '../core/golden-case.js';
import { answerabilityCalibration } from './answerability-calibration.js';
import type { CaseRecord } from './eval-run-report.js';

const record = (id: string, kind: GoldenKind, answerability: number | null): CaseRecord => ({
  id, question: `${id}?`, kind, tags: [], expectedAnswers: [], evidence: [], answer: '', abstained: false,
  answerability, abstainedBy: null, calledModel: false, citations: [], retrieved: [],
  scores: { recallAt1: 0, recallAt5: 0, recallAt10: 0, mrrAt10: 0, ndcgAt10: 0, correct: 0, f1: 0, exact: 0,
    citationPrecision: null, citationRecall: null, faithfulness: null },
  checks: [], failure: null, latencyMs: { retrieve: 0, generate: 0, total: 0 }, usage: null, costUsd: 0,
});

describe('answerabilityCalibration', () => {
  it('counts synthesis as answerable and leaves out cases without a prediction', () => {
    const calibration = answerabilityCalibration([
      record('a', 'answerable', 0.8),
      record('s', 'synthesis', 0.6),
      record('u', 'unanswerable', 0.2),
      record('x', 'answerable', null),
    ]);
    assert.equal(calibration?.cases, 3);
    assert.equal(calibration?.answerableCases, 2);
    assert.equal(calibration?.unanswerableCases, 1);
    assert.deepEqual(calibration?.bins.filter((bin) => bin.count > 0).map((bin) => [bin.lower, bin.observedAnswerable]), [[0.2, 0], [0.6, 1], [0.8, 1]]);
    // (0.2² + 0.4² + 0.2²) / 3 = 0.08
    assert.ok(Math.abs((calibration?.brier ?? 1) - 0.08) < 1e-12);
    assert.deepEqual(calibration?.curve.find((point) => point.threshold === 0.7), { threshold: 0.7, overRefusal: 0.5, abstentionRecall: 1 });
  });

  it('is undefined when no case carries a prediction (also records stored before the field existed)', () => {
    const old = Object.fromEntries(Object.entries(record('old', 'answerable', 0.5)).filter(([key]) => key !== 'answerability'));
    assert.equal(answerabilityCalibration([record('x', 'answerable', null), old as unknown as CaseRecord]), undefined);
  });
});
