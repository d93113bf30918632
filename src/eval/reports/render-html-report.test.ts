import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHTML } from 'linkedom';
import type { GoldenKind } from '../../core/golden-case.js';
import { aggregateMetrics } from '../aggregate-metrics.js';
import { answerabilityCalibration } from '../answerability-calibration.js';
import type { CaseRecord, EvalRunReport, FailureKind } from '../eval-run-report.js';
import { renderHtmlReport } from './render-html-report.js';

const record = (id: string, kind: GoldenKind, failure: FailureKind | null, question = `Question ${id}?`, answerability: number | null = null): CaseRecord => ({
  id,
  question,
  kind,
  tags: ['tag-a'],
  expectedAnswers: kind === 'unanswerable' ? [] : ['42'],
  evidence: kind === 'unanswerable' ? [] : [{ doc: 'docs/a.md', start: 10, end: 20, quote: 'the answer is 42' }],
  answer: failure === null ? 'It is 42 [1].' : 'Something else [1].',
  abstained: false,
  answerability,
  abstainedBy: null,
  calledModel: false,
  citations: [{ n: 1, doc: 'docs/a.md', start: 10, end: 20, quote: 'the answer is 42', chunkId: 'c1' }],
  retrieved: [{ doc: 'docs/a.md', start: 0, end: 100, rank: 1, relevant: failure !== 'retrieval-miss' }],
  scores: {
    recallAt1: 1, recallAt5: 1, recallAt10: 1, mrrAt10: 1, ndcgAt10: 1, correct: failure === null ? 1 : 0,
    f1: 1, exact: 1, citationPrecision: 1, citationRecall: 1, faithfulness: 1,
  },
  checks: [],
  failure,
  latencyMs: { retrieve: 3, generate: 7, total: 10 },
  usage: null,
  costUsd: 0,
});

const run = (runId: string, preset: string, perCase: readonly CaseRecord[]): EvalRunReport => ({
  ...aggregateMetrics(perCase),
  answerabilityCalibration: answerabilityCalibration(perCase),
  runId,
  createdAt: '2025-01-01T12:00:00.000Z',
  kb: 'docs',
  golden: 'golden.jsonl',
  fingerprint: {
    corpusHash: 'abc', chunker: '{}', retriever: JSON.stringify({ preset }), answerer: '{"provider":"extractive"}',
    goldenHash: 'def', codeVersion: 'grounded@0.1.0',
  },
  byKind: { answerable: aggregateMetrics(perCase.filter((item) => item.kind === 'answerable')) },
  byTag: {},
  perCase,
});

const parse = (html: string) => parseHTML(html).document;

describe('renderHtmlReport', () => {
  const lexical = run('20250101T120000-aaaaaa', 'lexical', [
    record('q1', 'answerable', null),
    record('q2', 'answerable', 'retrieval-miss'),
    record('q3', 'unanswerable', null, 'What does <script>alert("pwned")</script> do?'),
  ]);
  const hybrid = run('20250101T130000-bbbbbb', 'hybrid', [
    record('q1', 'answerable', 'citation-miss'),
    record('q2', 'answerable', null),
    record('q3', 'unanswerable', null, 'What does <script>alert("pwned")</script> do?'),
  ]);

  it('escapes a question containing a script tag: it is text, not an element', () => {
    const html = renderHtmlReport([lexical]);
    assert.ok(!html.includes('<script>alert'));
    const document = parse(html);
    const question = [...document.querySelectorAll('h3.question')].find((node) => node.textContent?.includes('alert'));
    assert.equal(question?.textContent, 'What does <script>alert("pwned")</script> do?');
    // The only script is the case filter.
    assert.equal(document.querySelectorAll('script').length, 1);
    assert.ok(!document.querySelector('script')?.textContent?.includes('pwned'));
  });

  it('puts the failure table first, then the metrics, with a column per run', () => {
    const document = parse(renderHtmlReport([lexical, hybrid]));
    const tables = [...document.querySelectorAll('table')];
    assert.equal(tables[0]?.getAttribute('class'), 'failure-table');
    assert.equal(tables[1]?.getAttribute('class'), 'metrics-table');
    const head = [...tables[0]!.querySelectorAll('thead th')].map((cell) => cell.textContent);
    assert.deepEqual(head, ['failure kind', 'lexical / extractive (aaaaaa)', 'hybrid / extractive (bbbbbb)']);
    const row = [...tables[0]!.querySelectorAll('tbody tr')].find((tr) => tr.textContent?.includes('retrieval-miss'));
    assert.deepEqual([...row!.querySelectorAll('td')].map((cell) => cell.textContent?.split(' ')[0]), ['1', '0']);
  });

  it('orders header, tables, charts, then the case list', () => {
    const html = renderHtmlReport([lexical, hybrid]);
    const positions = ['<header>', 'class="failure-table"', 'class="metrics-table"', 'data-chart="recall-at-k"',
      'data-chart="latency"', 'data-chart="failures"', 'data-chart="correct-by-kind"', 'data-chart="recall-by-kind"',
      'class="case-list"'].map((marker) => html.indexOf(marker));
    assert.ok(positions.every((position) => position >= 0), JSON.stringify(positions));
    assert.deepEqual([...positions].sort((a, b) => a - b), positions);
  });

  it('lists cases failed in any run first, marked for the filter', () => {
    const document = parse(renderHtmlReport([lexical, hybrid]));
    const cases = [...document.querySelectorAll('article.case')];
    assert.deepEqual(cases.map((item) => item.getAttribute('id')), ['case-q1', 'case-q2', 'case-q3']);
    assert.deepEqual(cases.map((item) => item.getAttribute('data-failures')), ['citation-miss', 'retrieval-miss', '']);
    assert.deepEqual(cases.map((item) => item.getAttribute('data-failed')), ['true', 'true', 'false']);
    assert.equal(cases[0]?.querySelectorAll('section.outcome').length, 2);
    const filters = [...document.querySelectorAll('.case-filter button')].map((button) => button.getAttribute('data-filter'));
    assert.deepEqual(filters, ['all', 'failed', 'retrieval-miss', 'citation-miss']);
  });

  it('loads nothing from outside the file', () => {
    const html = renderHtmlReport([lexical, hybrid]);
    assert.doesNotMatch(html, /(?:src|href)="(?!data:|#)/);
    assert.doesNotMatch(html, /https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
  });

  it('draws no calibration figures when no case carries an answerability prediction', () => {
    const html = renderHtmlReport([lexical, hybrid]);
    assert.ok(!html.includes('data-chart="answerability-reliability"'));
    assert.ok(!html.includes('data-chart="abstention-tradeoff"'));
    assert.ok(!parse(html).querySelector('.metrics-table')?.textContent?.includes('answerability gate'));
  });

  it('draws the reliability diagram and the over-refusal / abstention-recall curve for predicted runs', () => {
    // Predictions 0.05 and 0.12 (bins 0 and 1), 0.85 and 0.95 (bins 8 and 9): four bins with cases.
    const predicted = run('20250101T140000-cccccc', 'lexical', [
      record('q1', 'answerable', null, undefined, 0.95),
      record('q2', 'answerable', 'retrieval-miss', undefined, 0.12),
      record('q3', 'unanswerable', null, undefined, 0.05),
      record('q4', 'unanswerable', 'answered-unanswerable', undefined, 0.85),
    ]);
    const document = parse(renderHtmlReport([predicted, lexical]));
    const reliability = document.querySelector('svg[data-chart="answerability-reliability"]');
    assert.equal(reliability?.querySelector('title')?.textContent, 'Answerability reliability');
    assert.ok(reliability?.querySelector('.x-label')?.textContent?.includes('predicted answerability'));
    assert.equal(reliability?.querySelector('.y-label')?.textContent, 'observed share answerable');
    assert.ok(reliability?.querySelector('line.diagonal'), 'the diagonal of perfect calibration');
    const points = [...(reliability?.querySelectorAll('circle.point') ?? [])];
    const binsWithCases = predicted.answerabilityCalibration?.bins.filter((bin) => bin.count > 0) ?? [];
    assert.equal(points.length, binsWithCases.length);
    assert.equal(points.length, 4);
    assert.deepEqual(points.map((point) => [point.getAttribute('data-x'), point.getAttribute('data-y')]), [['0.05', '0'], ['0.12', '1'], ['0.85', '0'], ['0.95', '1']]);
    assert.match(document.querySelector('figure:has(svg[data-chart="answerability-reliability"]) figcaption')?.textContent ?? '', /Brier score .*0\.\d{3} \(4 cases\)/);

    const tradeoff = document.querySelector('svg[data-chart="abstention-tradeoff"]');
    assert.equal(tradeoff?.querySelector('title')?.textContent, 'Over-refusal vs abstention recall');
    assert.ok(tradeoff?.querySelector('line.diagonal'));
    assert.equal(tradeoff?.querySelectorAll('polyline.line').length, 1, 'one curve: only the first run has predictions');
    const curve = [...(tradeoff?.querySelectorAll('circle.point') ?? [])].map((point) => [Number(point.getAttribute('data-x')), Number(point.getAttribute('data-y'))]);
    // Sorted predictions 0.05 (u), 0.12 (a), 0.85 (u), 0.95 (a): the distinct (over-refusal, recall) points in t order.
    assert.deepEqual(curve, [[0, 0], [0, 0.5], [0.5, 0.5], [0.5, 1], [1, 1]]);
    const gates = [...document.querySelectorAll('.metrics-table tr')].find((row) => row.textContent?.includes('answerability gate abstentions'));
    assert.ok(gates, 'the metrics table shows the gates of the predicted run');
  });

  it('refuses an empty list of runs with INVALID_ARGUMENT', () => {
    assert.throws(() => renderHtmlReport([]), { code: 'INVALID_ARGUMENT' });
  });
});
