import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { renderHtmlReport } from '../../src/eval/reports/render-html-report.js';
import { hostileQuestion, makeRun, specs } from '../support/eval-report-runs.js';
import { temporaryFolder } from '../support/run-grounded.js';

// The HTML report opened in a real browser: it must render, stay offline, draw its charts and filter its cases.
const chromiumPath = '/usr/bin/chromium';
const missing = existsSync(chromiumPath) ? false : `${chromiumPath} is not installed (apt-get install chromium)`;

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
