import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Answer } from '../core/answer.js';
import type { ScoredChunk } from '../core/document.js';
import type { GoldenCase } from '../core/golden-case.js';
import { runGoldenEval, type GoldenEvalSystem } from './run-golden-eval.js';

const documents: Record<string, string> = {
  'ports.md': 'The dashboard listens on port 8080. The API listens on port 9000.',
  'limits.md': 'Uploads are limited to 10 MB. Downloads are limited to 50 MB.',
};

const chunk = (doc: string, rank: number): ScoredChunk => {
  const text = documents[doc] ?? '';
  return { chunk: { id: `${doc}#0`, doc, title: doc, ordinal: 0, start: 0, end: text.length, text, headingPath: [], tokens: 10 }, score: 1 / rank, rank };
};

const cases: GoldenCase[] = [
  { id: 'a', kind: 'answerable', question: 'Which port does the dashboard use?', answers: ['8080'], sources: [{ doc: 'ports.md', quote: 'port 8080' }] },
  {
    id: 's',
    kind: 'synthesis',
    question: 'What are the upload limit and the API port?',
    answers: ['10 MB', '9000'],
    sources: [{ doc: 'limits.md', quote: 'Uploads are limited to 10 MB' }, { doc: 'ports.md', quote: 'port 9000' }],
  },
  { id: 'u1', kind: 'unanswerable', question: 'Who wrote it?', answers: [], sources: [] },
  { id: 'u2', kind: 'unanswerable', question: 'When is the next release?', answers: [], sources: [] },
];

type Reply = Awaited<ReturnType<GoldenEvalSystem['answer']>>;
const timings = { retrieveMs: 1, generateMs: 1, totalMs: 2 };
const reply = (question: string, answer: string, extra: Partial<Reply>): Reply => ({
  question, answer, abstained: answer === '', citations: [], timings, confidence: 1, ...extra,
});

// A system with an answerability gate: it answers the dashboard question, refuses one unanswerable case at the gate
// and lets the other through to the model, which refuses it; only ports.md is ever retrieved.
const gated: GoldenEvalSystem = {
  retrieve: () => [chunk('ports.md', 1)],
  answer: async (question): Promise<Answer & Partial<Reply>> => {
    if (question.startsWith('Which port')) return reply(question, 'It listens on port 8080.', { answerability: 0.9, abstainedBy: null, calledModel: true });
    if (question.startsWith('What are')) return reply(question, 'The API listens on port 9000.', { answerability: 0.6, abstainedBy: null, calledModel: true });
    if (question.startsWith('Who')) return reply(question, '', { answerability: 0.1, abstainedBy: 'gate', calledModel: false });
    return reply(question, '', { answerability: 0.4, abstainedBy: 'model', calledModel: true });
  },
  documentText: (doc) => documents[doc],
};

describe('runGoldenEval', () => {
  it('records per case what the system predicted, which gate abstained and whether a model was called', async () => {
    const result = await runGoldenEval(cases, gated, { answerDepth: 5 });
    assert.deepEqual(
      result.perCase.map((record) => [record.id, record.answerability, record.abstainedBy, record.calledModel]),
      [['a', 0.9, null, true], ['s', 0.6, null, true], ['u1', 0.1, 'gate', false], ['u2', 0.4, 'model', true]],
    );
  });

  it('aggregates both gates, overall and per kind', async () => {
    const result = await runGoldenEval(cases, gated, { answerDepth: 5 });
    assert.deepEqual(result.gates, {
      gateAbstentions: 1, gatePrecision: 1, modelAbstentions: 1, modelPrecision: 1, reachedModel: 1, unanswerableReachedModel: 0.5,
    });
    assert.equal(result.byKind['unanswerable']?.gates?.gateAbstentions, 1);
    assert.equal(result.byKind['answerable']?.gates?.reachedModel, 1);
  });

  it('reports synthesis recall@5 on its own: one of the two sources found', async () => {
    const result = await runGoldenEval(cases, gated, { answerDepth: 5 });
    assert.equal(result.retrieval.synthesisRecallAt5, 0.5);
    assert.equal(result.byKind['synthesis']?.retrieval.synthesisRecallAt5, 0.5);
    assert.equal(result.byKind['answerable']?.retrieval.synthesisRecallAt5, undefined);
    // The answerable case found its source, so the overall recall@5 averages 1 and 0.5.
    assert.equal(result.retrieval.recallAt5, 0.75);
  });

  it('attaches the calibration of the predictions to the run', async () => {
    const result = await runGoldenEval(cases, gated, { answerDepth: 5 });
    const calibration = result.answerabilityCalibration;
    assert.equal(calibration?.cases, 4);
    assert.deepEqual(calibration?.bins.map((bin) => bin.count), [0, 1, 0, 0, 1, 0, 1, 0, 0, 1]);
    // (0.1² + 0.4² + 0.4² + 0.1²) / 4 = 0.085
    assert.ok(Math.abs((calibration?.brier ?? 1) - 0.085) < 1e-12);
    assert.deepEqual(calibration?.curve.find((point) => point.threshold === 0.5), { threshold: 0.5, overRefusal: 0, abstentionRecall: 1 });
  });

  it('records null and false for a system that reports no gate, with no gates group and no calibration', async () => {
    const plain: GoldenEvalSystem = {
      ...gated,
      answer: async (question) => {
        const { answer, abstained, citations, timings, confidence } = await gated.answer(question);
        return { question, answer, abstained, citations, timings, confidence };
      },
    };
    const result = await runGoldenEval(cases, plain, { answerDepth: 5 });
    assert.deepEqual(result.perCase.map((record) => [record.answerability, record.abstainedBy, record.calledModel])[0], [null, null, false]);
    assert.equal(result.gates, undefined);
    assert.equal(result.answerabilityCalibration, undefined);
    assert.equal('answerabilityCalibration' in result, false);
  });
});
