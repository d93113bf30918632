import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { GoldenKind } from '../core/golden-case.js';
import type { CaseRecord, EvalRunReport } from '../app/evaluation-types.js';
import { aggregateMetrics } from '../eval/aggregate-metrics.js';
import { answerabilityCalibration } from '../eval/answerability-calibration.js';
import { formatEvalSummary } from './format-eval-summary.js';

const record = (id: string, kind: GoldenKind, gate: Pick<CaseRecord, 'answerability' | 'abstainedBy' | 'calledModel'>, recallAt5 = 1): CaseRecord => ({
  id, question: `${id}?`, kind, tags: [], expectedAnswers: kind === 'unanswerable' ? [] : ['x'],
  evidence: kind === 'unanswerable' ? [] : [{ doc: 'a.md', start: 0, end: 5, quote: 'x' }],
  answer: gate.abstainedBy === null ? 'x [1]' : '', abstained: gate.abstainedBy !== null, ...gate, citations: [], retrieved: [],
  scores: { recallAt1: recallAt5, recallAt5, recallAt10: recallAt5, mrrAt10: recallAt5, ndcgAt10: recallAt5, correct: 1, f1: 1, exact: 1,
    citationPrecision: null, citationRecall: null, faithfulness: null },
  checks: [], failure: null, latencyMs: { retrieve: 1, generate: 1, total: 2 }, usage: null, costUsd: 0,
});

const report = (perCase: readonly CaseRecord[]): EvalRunReport => {
  const calibration = answerabilityCalibration(perCase);
  return {
    ...aggregateMetrics(perCase),
    ...(calibration === undefined ? {} : { answerabilityCalibration: calibration }),
    runId: '20250101T120000-aaaaaa', createdAt: '2025-01-01T12:00:00.000Z', kb: 'docs', golden: 'golden.jsonl',
    fingerprint: { corpusHash: 'a', chunker: '{}', retriever: '{"preset":"lexical"}', answerer: '{"provider":"extractive"}', goldenHash: 'b', codeVersion: 'grounded@0.1.0' },
    byKind: Object.fromEntries(['answerable', 'synthesis', 'unanswerable'].map((kind) => [kind, aggregateMetrics(perCase.filter((item) => item.kind === kind))])),
    byTag: {},
    perCase,
  };
};

const answered = { answerability: 0.9, abstainedBy: null, calledModel: false } as const;

describe('formatEvalSummary', () => {
  const run = report([
    record('a1', 'answerable', answered),
    record('a2', 'answerable', answered),
    record('a3', 'answerable', answered),
    record('a4', 'answerable', { answerability: 0.2, abstainedBy: 'gate', calledModel: false }),
    record('s1', 'synthesis', { answerability: 0.7, abstainedBy: null, calledModel: false }, 0.5),
    record('u1', 'unanswerable', { answerability: 0.1, abstainedBy: 'gate', calledModel: false }),
    record('u2', 'unanswerable', { answerability: 0.05, abstainedBy: 'gate', calledModel: false }),
    record('u3', 'unanswerable', { answerability: 0.15, abstainedBy: 'gate', calledModel: false }),
    record('u4', 'unanswerable', { answerability: 0.6, abstainedBy: 'model', calledModel: false }),
  ]);
  const lines = formatEvalSummary(run).split('\n');

  it('reports both gates on one line: abstentions, their precision, and who reached the answerer', () => {
    // gate: 4 abstentions, 3 on unanswerable cases; answerer: 1, on an unanswerable case; 4 of 5 answerable passed
    assert.ok(
      lines.includes('gates: answerability gate abstained 4 (precision 0.75), answerer abstained 1 (precision 1.00); 80.0% of answerable questions reached the answerer'),
      lines.join('\n'),
    );
  });

  it('reports synthesis recall@5 and the calibration', () => {
    assert.ok(lines.some((line) => line.startsWith('synthesis recall@5 50.0% ') && line.includes('1 cases')), lines.join('\n'));
    assert.ok(lines.some((line) => /^answerability calibration: Brier 0\.\d{3} over 9 cases$/.test(line)), lines.join('\n'));
  });

  it('leaves the precision out for a gate that never abstained', () => {
    const text = formatEvalSummary(report([record('a1', 'answerable', answered), record('u1', 'unanswerable', answered)]));
    assert.match(text, /^gates: answerability gate abstained 0, answerer abstained 0; 100\.0% of answerable questions reached the answerer$/m);
    assert.doesNotMatch(text, /synthesis recall@5/);
  });

  it('summarises a run stored before gates and calibration were recorded, without those lines', () => {
    const old = JSON.parse(readFileSync(new URL('../../test/fixtures/advise/all-passing.report.json', import.meta.url), 'utf8')) as EvalRunReport;
    const text = formatEvalSummary(old);
    assert.match(text, /^failures by stage:$/m);
    assert.doesNotMatch(text, /^gates:|answerability calibration/m);
  });
});
