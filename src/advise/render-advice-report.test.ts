import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { EvalRunReport } from '../eval/eval-run-report.js';
import { advise } from './advise.js';
import { advisorProfileSchema } from './advisor-profile-schema.js';
import { defaultPriceTable } from './default-price-table.js';
import { extractEvidence } from './extract-evidence.js';
import { formatAdviceText } from './format-advice-text.js';
import { renderAdviceReport } from './render-advice-report.js';

const run = JSON.parse(readFileSync(new URL('../../test/fixtures/advise/retrieval-misses.report.json', import.meta.url), 'utf8')) as EvalRunReport;
const report = advise({
  kb: 'docs<script>',
  profile: advisorProfileSchema.parse({ labeledExamples: 1000, contextTokensPerRequest: 4000, requestsPerDay: 1000 }),
  evidence: extractEvidence({ runs: [run], knowledge: { tokens: 1024, documents: 7, chunks: 9 } }),
  prices: defaultPriceTable,
});

describe('renderAdviceReport', () => {
  const html = renderAdviceReport(report);

  it('is self-contained: no script, nothing loaded from anywhere, text escaped', () => {
    assert.match(html, /^<!doctype html>/);
    assert.doesNotMatch(html, /<script|src=|href="http/);
    assert.match(html, /docs&lt;script&gt;/);
  });

  it('draws both cost curves with the break-even and the current volume marked', () => {
    assert.match(html, /<svg class="chart" data-chart="cost-vs-volume"/);
    assert.match(html, /<polyline [^>]*data-series="rag"/);
    assert.match(html, /<polyline [^>]*data-series="fine-tuned"/);
    const breakEven = report.crossover.breakEvenRequestsPerDay;
    assert.ok(breakEven !== null && breakEven > 0);
    assert.match(html, new RegExp(`<g class="break-even" data-requests-per-day="${breakEven}"`));
    assert.match(html, /<g class="current-volume" data-requests-per-day="1000"/);
  });

  it('shows the overall action first, the slices and every fired rule with its source', () => {
    assert.match(html, /data-action="improve-retrieval"/);
    assert.match(html, /<tr data-slice="tag:security">/);
    assert.match(html, /Barnett et al\. 2024/);
  });
});

describe('formatAdviceText', () => {
  it('leads with the overall action and gives the crossover as numbers', () => {
    const text = formatAdviceText(report);
    assert.match(text.split('\n')[2] ?? '', /^all: IMPROVE-RETRIEVAL/);
    assert.match(text, /break-even +\d+ requests\/day/);
    assert.match(text, /RAG +\$0\.00\d+\/request/);
  });
});
