import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { GoldenKind } from '../../src/core/golden-case.js';
import { aggregateMetrics } from '../../src/eval/aggregate-metrics.js';
import { answerabilityCalibration } from '../../src/eval/answerability-calibration.js';
import type { CaseRecord, CheckResult, EvalRunReport, FailureKind } from '../../src/eval/eval-run-report.js';
import { renderHtmlReport } from '../../src/eval/reports/render-html-report.js';
import { temporaryFolder } from '../support/run-grounded.js';

// The HTML report opened in a real browser: it must render, stay offline, draw its charts and filter its cases.
const chromiumPath = '/usr/bin/chromium';
const missing = existsSync(chromiumPath) ? false : `${chromiumPath} is not installed (apt-get install chromium)`;
const hostileQuestion = 'Does <script>window.reportInjected = 1</script> run in the report?';

type Variant = 'lexical' | 'hybrid';

interface CaseSpec {
  readonly id: string;
  readonly kind: GoldenKind;
  readonly question: string;
  readonly answers: readonly string[];
  readonly tags: readonly string[];
  /** The failure in the lexical run, then in the hybrid run. */
  readonly failures: readonly [FailureKind | null, FailureKind | null];
  readonly checks?: readonly string[];
}

const specs: readonly CaseSpec[] = [
  { id: 'a1', kind: 'answerable', question: 'What port does Harbor listen on?', answers: ['8420'], tags: ['config'], failures: [null, null] },
  { id: 'a2', kind: 'answerable', question: 'When do API tokens expire?', answers: ['90 days'], tags: ['auth'], failures: ['retrieval-miss', null] },
  { id: 'a3', kind: 'answerable', question: 'Which header carries the token?', answers: ['Authorization'], tags: ['auth'], failures: ['generation-miss', 'generation-miss'] },
  { id: 'a4', kind: 'answerable', question: 'How many replicas are the default?', answers: ['3'], tags: ['deploy'], failures: ['citation-miss', null] },
  { id: 'a5', kind: 'answerable', question: 'Summarise the backup policy briefly.', answers: ['nightly'], tags: ['ops'], failures: ['behaviour-miss', null], checks: ['max_words'] },
  { id: 'a6', kind: 'answerable', question: 'What is the log retention & rotation?', answers: ['14 days'], tags: ['ops'], failures: ['false-abstention', 'citation-miss'] },
  { id: 's1', kind: 'synthesis', question: 'Compare the two upgrade paths.', answers: ['in place', 'blue/green'], tags: ['deploy'], failures: [null, null], checks: ['must_include'] },
  { id: 's2', kind: 'synthesis', question: 'Which limits apply to uploads and downloads?', answers: ['10 MB', '50 MB'], tags: ['limits'], failures: ['retrieval-miss', 'retrieval-miss'] },
  { id: 's3', kind: 'synthesis', question: 'List the supported databases and their versions.', answers: ['Postgres 14', 'SQLite 3'], tags: ['config'], failures: ['generation-miss', null] },
  { id: 'u1', kind: 'unanswerable', question: 'Who founded the company?', answers: [], tags: ['trivia'], failures: [null, null] },
  { id: 'u2', kind: 'unanswerable', question: 'What will the 2030 pricing be?', answers: [], tags: ['pricing'], failures: ['answered-unanswerable', null] },
  { id: 'u3', kind: 'unanswerable', question: hostileQuestion, answers: [], tags: ['security'], failures: [null, null] },
];

function caseRecord(spec: CaseSpec, variant: Variant, index: number): CaseRecord {
  const failure = spec.failures[variant === 'lexical' ? 0 : 1];
  const doc = `guides/${spec.tags[0] ?? 'misc'}.md`;
  const evidence =
    spec.kind === 'unanswerable'
      ? []
      : spec.answers.map((answer, n) => ({ doc, start: 100 * n + 40, end: 100 * n + 90, quote: `The docs say: ${answer}.` }));
  const missed = failure === 'retrieval-miss';
  // The evidence sits at rank 1, 2 or 3, so recall@1 is below recall@5 as in real runs.
  const hitRank = 1 + (index % 3);
  const retrieved = [1, 2, 3, 4, 5].map((rank) => ({
    doc: rank === hitRank && !missed && evidence.length > 0 ? doc : `guides/other-${rank}.md`,
    start: rank * 10,
    end: rank * 10 + 200,
    rank,
    relevant: rank === hitRank && !missed && evidence.length > 0,
  }));
  const abstained = spec.kind === 'unanswerable' ? failure !== 'answered-unanswerable' : failure === 'false-abstention';
  const wrong = failure === 'generation-miss' || missed || abstained;
  const answer = abstained
    ? 'I could not find this in the documents.'
    : `${wrong ? 'Probably something else' : spec.answers.join(' and ') || 'A guess'} [1].`;
  const citations = abstained ? [] : [{ n: 1, doc: failure === 'citation-miss' ? 'guides/wrong.md' : doc, start: 40, end: 90, quote: `Quoted <b>text</b> for ${spec.id}`, chunkId: `${spec.id}-chunk-1` }];
  const recall = evidence.length === 0 ? 0 : missed ? (spec.kind === 'synthesis' ? 0.5 : 0) : 1;
  const checks: CheckResult[] = (spec.checks ?? []).map((type) => ({
    type,
    passed: failure !== 'behaviour-miss',
    detail: failure === 'behaviour-miss' ? 'answer has 212 words, more than 80' : 'ok',
  }));
  // A plausible prediction: high for answerable cases, low for unanswerable ones, with the failures in between. The
  // gate refuses below 0.3; an unanswerable case it passes is refused by the answerer unless it answered it.
  const answerability = spec.kind === 'unanswerable'
    ? (failure === 'answered-unanswerable' ? 0.62 : 0.04 + 0.11 * index / specs.length + (variant === 'hybrid' ? 0.3 : 0))
    : (failure === null ? 0.78 + 0.2 * index / specs.length : 0.22 + 0.05 * index);
  const abstainedBy = !abstained ? null : answerability < 0.3 ? 'gate' : 'model';
  const retrieve = 2 + ((index * 7) % 11) + (variant === 'hybrid' ? 9 : 0);
  const generate = 4 + ((index * 13) % 37);
  return {
    id: spec.id,
    question: spec.question,
    kind: spec.kind,
    tags: spec.tags,
    expectedAnswers: spec.answers,
    evidence,
    answer,
    abstained,
    answerability,
    abstainedBy,
    calledModel: false,
    citations,
    retrieved,
    scores: {
      recallAt1: hitRank === 1 ? recall : 0,
      recallAt5: recall,
      recallAt10: evidence.length === 0 ? 0 : Math.max(recall, 0.5),
      mrrAt10: recall / hitRank,
      ndcgAt10: recall / Math.log2(hitRank + 1),
      correct: spec.answers.length === 0 || wrong ? 0 : 1,
      f1: spec.answers.length === 0 || wrong ? 0.1 : 0.85,
      exact: spec.answers.length === 0 || wrong ? 0 : 1,
      citationPrecision: abstained ? null : failure === 'citation-miss' ? 0 : 1,
      citationRecall: abstained ? null : failure === 'citation-miss' ? 0 : 1,
      faithfulness: abstained ? null : wrong ? 0.4 : 0.95,
    },
    checks,
    failure,
    latencyMs: { retrieve, generate, total: retrieve + generate },
    usage: null,
    costUsd: 0,
  };
}

/** A realistic run of the twelve cases above, its metric groups computed the way `eval run` computes them. */
function makeRun(variant: Variant): EvalRunReport {
  const perCase = specs.map((spec, index) => caseRecord(spec, variant, index));
  const groupBy = (key: (record: CaseRecord) => readonly string[]) => {
    const names = [...new Set(perCase.flatMap(key))];
    return Object.fromEntries(names.map((name) => [name, aggregateMetrics(perCase.filter((record) => key(record).includes(name)))]));
  };
  return {
    ...aggregateMetrics(perCase),
    answerabilityCalibration: answerabilityCalibration(perCase),
    runId: variant === 'lexical' ? '20250301T101500-a1b2c3' : '20250301T104500-d4e5f6',
    createdAt: variant === 'lexical' ? '2025-03-01T10:15:00.000Z' : '2025-03-01T10:45:00.000Z',
    kb: 'harbor',
    golden: 'harbor-golden.jsonl',
    fingerprint: {
      corpusHash: '9f2c1e0a7b3d4c5e',
      chunker: JSON.stringify({ maxTokens: 400, overlap: 40 }),
      retriever: JSON.stringify({ preset: variant, k1: 0.9, b: 0.4, k: 10 }),
      answerer: JSON.stringify({ provider: 'extractive', minConfidence: 0.35 }),
      goldenHash: '0c4d2b1a9e8f7a6b',
      codeVersion: 'grounded@0.1.0',
    },
    byKind: groupBy((record) => [record.kind]),
    byTag: groupBy((record) => record.tags),
    perCase,
  };
}

describe('the HTML eval report in headless Chromium', { skip: missing }, () => {
  const runs = [makeRun('lexical'), makeRun('hybrid')];
  const folder = temporaryFolder('eval-report');
  const file = join(folder.path, 'report.html');
  const fileUrl = pathToFileURL(file).href;
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  let browser: Browser;
  let page: Page;

  before(async () => {
    writeFileSync(file, renderHtmlReport(runs));
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(fileUrl, { waitUntil: 'load' });
  });
  after(async () => {
    await browser?.close();
    folder.remove();
  });

  it('loads with no console errors and requests nothing but the file itself', () => {
    assert.deepEqual(consoleErrors, []);
    assert.deepEqual(requests, [fileUrl]);
  });

  it('shows the failure attribution table first, then the metrics, runs side by side', async () => {
    const tables = page.locator('table');
    assert.equal(await tables.count(), 2);
    assert.match((await tables.first().locator('caption').textContent()) ?? '', /Failure attribution/);
    const headers = await tables.first().locator('thead th').allTextContents();
    assert.deepEqual(headers, ['failure kind', 'lexical / extractive (a1b2c3)', 'hybrid / extractive (d4e5f6)']);
    const retrievalMisses = await tables.first().locator('tbody tr', { hasText: 'retrieval-miss' }).locator('td').allTextContents();
    assert.deepEqual(retrievalMisses.map((text) => text.split(' ')[0]), [String(runs[0]?.failures['retrieval-miss']), String(runs[1]?.failures['retrieval-miss'])]);
    assert.match((await tables.nth(1).locator('caption').textContent()) ?? '', /Headline metrics/);
    const headerBottom = (await page.locator('body > header').boundingBox())?.y ?? Infinity;
    const failureTop = (await tables.first().boundingBox())?.y ?? -1;
    const chartsTop = (await page.locator('svg.chart').first().boundingBox())?.y ?? -1;
    assert.ok(headerBottom < failureTop && failureTop < chartsTop, 'header, then tables, then charts');
  });

  const expectedMarks: readonly [string, string, number][] = [
    ['recall-at-k', 'circle.point', 3 * runs.length],
    ['failures', 'rect.bar', 6 * runs.length],
    ['correct-by-kind', 'rect.bar', 3 * runs.length],
    // Unanswerable cases have no evidence to retrieve, so recall is drawn for two kinds.
    ['recall-by-kind', 'rect.bar', 2 * runs.length],
  ];
  for (const [chart, mark, count] of expectedMarks) {
    it(`draws the ${chart} chart with ${count} ${mark} marks in a visible box`, async () => {
      const svg = page.locator(`svg[data-chart="${chart}"]`);
      const box = await svg.boundingBox();
      assert.ok(box !== null && box.width > 100 && box.height > 100, `${chart} box ${JSON.stringify(box)}`);
      assert.equal(await svg.locator(mark).count(), count);
      assert.ok((await svg.locator('.x-label').textContent())?.trim(), 'x axis label');
      assert.ok((await svg.locator('.y-label').textContent())?.trim(), 'y axis label');
    });
  }

  it('draws the answerability reliability diagram: one point per non-empty bin, the diagonal, title and axes', async () => {
    const svg = page.locator('svg[data-chart="answerability-reliability"]');
    const box = await svg.boundingBox();
    assert.ok(box !== null && box.width > 100 && box.height > 100, `reliability box ${JSON.stringify(box)}`);
    assert.equal(await svg.locator('.chart-title').textContent(), 'Answerability reliability');
    assert.match((await svg.locator('.x-label').textContent()) ?? '', /predicted answerability/);
    assert.equal(await svg.locator('.y-label').textContent(), 'observed share answerable');
    assert.equal(await svg.locator('line.diagonal').count(), 1);
    for (const [series, run] of runs.entries()) {
      const filled = run.answerabilityCalibration?.bins.filter((bin) => bin.count > 0) ?? [];
      assert.ok(filled.length >= 3, `${filled.length} bins with cases`);
      const points = svg.locator(`circle.point[data-series="${series}"]`);
      assert.equal(await points.count(), filled.length);
      const counts = await points.evaluateAll((circles) => circles.map((circle) => Number(circle.getAttribute('data-count'))));
      assert.equal(counts.reduce((sum, count) => sum + count, 0), specs.length, 'every case sits in a drawn bin');
    }
    assert.match((await page.locator('figure', { has: svg }).locator('figcaption').textContent()) ?? '', /Brier score/);
  });

  it('draws the over-refusal / abstention-recall curve of each run, rising from (0, 0)', async () => {
    const svg = page.locator('svg[data-chart="abstention-tradeoff"]');
    const box = await svg.boundingBox();
    assert.ok(box !== null && box.width > 100 && box.height > 100, `trade-off box ${JSON.stringify(box)}`);
    assert.equal(await svg.locator('.chart-title').textContent(), 'Over-refusal vs abstention recall');
    assert.match((await svg.locator('.x-label').textContent()) ?? '', /over-refusal/);
    assert.equal(await svg.locator('.y-label').textContent(), 'abstention recall');
    assert.equal(await svg.locator('polyline.line').count(), runs.length);
    for (const series of runs.keys()) {
      const points = await svg.locator(`circle.point[data-series="${series}"]`).evaluateAll((circles) =>
        circles.map((circle) => [Number(circle.getAttribute('data-x')), Number(circle.getAttribute('data-y'))]));
      assert.deepEqual(points[0], [0, 0]);
      for (let index = 1; index < points.length; index += 1) {
        assert.ok(points[index]![0]! >= points[index - 1]![0]! && points[index]![1]! >= points[index - 1]![1]!, 'both rates rise with t');
      }
    }
  });

  it('bins every case of each run into the latency histogram', async () => {
    const svg = page.locator('svg[data-chart="latency"]');
    const bins = await svg.locator('.x-tick').count();
    assert.ok(bins >= 2, `${bins} bins`);
    assert.equal(await svg.locator('rect.bar').count(), bins * runs.length);
    for (const series of [0, 1]) {
      const values = await svg.locator(`rect.bar[data-series="${series}"]`).evaluateAll((bars) => bars.map((bar) => Number(bar.getAttribute('data-value'))));
      assert.equal(values.reduce((sum, value) => sum + value, 0), specs.length);
    }
  });

  it('renders a question containing <script> as text without running it', async () => {
    assert.equal(await page.evaluate(() => (globalThis as unknown as Record<string, unknown>)['reportInjected']), undefined);
    assert.equal(await page.locator('h3.question', { hasText: hostileQuestion }).count(), 1);
  });

  it('lists failed cases first and filters by failed and by failure kind', async () => {
    const failedIds = specs.filter((spec) => spec.failures.some((failure) => failure !== null)).map((spec) => spec.id);
    const order = await page.locator('article.case code.case-id').allTextContents();
    assert.deepEqual(order.slice(0, failedIds.length).sort(), [...failedIds].sort());
    const visibleIds = () => page.locator('article.case:visible code.case-id').allTextContents();
    assert.equal((await visibleIds()).length, specs.length);

    await page.locator('.case-filter button[data-filter="failed"]').click();
    assert.deepEqual((await visibleIds()).sort(), [...failedIds].sort());
    assert.equal(await page.locator('#shown-count').textContent(), String(failedIds.length));

    await page.locator('.case-filter button[data-filter="generation-miss"]').click();
    const generationMisses = specs.filter((spec) => spec.failures.includes('generation-miss')).map((spec) => spec.id);
    assert.deepEqual((await visibleIds()).sort(), generationMisses.sort());

    await page.locator('.case-filter button[data-filter="all"]').click();
    assert.equal((await visibleIds()).length, specs.length);
  });

  it('paints charts that are not blank, and differ from each other', async () => {
    const recall = await page.locator('svg[data-chart="recall-at-k"]').screenshot();
    const failures = await page.locator('svg[data-chart="failures"]').screenshot();
    for (const shot of [recall, failures]) assert.ok(shot.length > 5000, `chart screenshot of ${shot.length} bytes`);
    assert.notDeepEqual(recall, failures);
    const fullPage = await page.screenshot({ fullPage: true, path: join(folder.path, 'report.png') });
    assert.ok(fullPage.length > 50_000, `page screenshot of ${fullPage.length} bytes`);
    // For a person to look at: header, tables, charts and the first cases (the whole page is too tall to read).
    // offsetTop, not boundingBox: the filter clicks scrolled the page, and the clip is in page coordinates.
    const caseListTop = await page.locator('section.case-list').evaluate((element) => (element as unknown as { offsetTop: number }).offsetTop);
    await page.screenshot({ path: '/tmp/grounded-report.png', fullPage: true, clip: { x: 0, y: 0, width: 1280, height: caseListTop + 900 } });
    writeFileSync('/tmp/grounded-report.html', renderHtmlReport(runs));
  });
});
