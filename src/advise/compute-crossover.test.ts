import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { advisorProfileSchema } from './advisor-profile-schema.js';
import { computeCrossover } from './compute-crossover.js';
import { defaultPriceTable } from './default-price-table.js';
import { extractEvidence } from './extract-evidence.js';
import { resolvePrices } from './resolve-prices.js';

const noEvidence = extractEvidence({ runs: [], knowledge: null });
const close = (actual: number | null, expected: number, label: string): void =>
  assert.ok(actual !== null && Math.abs(actual - expected) < 1e-9, `${label}: ${actual} != ${expected}`);

describe('computeCrossover', () => {
  it('matches the numbers worked out by hand for gpt-4.1-mini vs its fine-tuned row', () => {
    const profile = advisorProfileSchema.parse({
      ragModel: 'gpt-4.1-mini',
      contextTokensPerRequest: 4000,
      outputTokensPerRequest: 300,
      promptCacheHitRate: 0.5,
      fineTunedPromptTokens: 200,
      labeledExamples: 1000,
      trainingTokensPerExample: 500,
      trainingEpochs: 3,
      amortizationMonths: 6,
      requestsPerDay: 1000,
      requestGrowthPerMonth: 0.1,
    });
    const crossover = computeCrossover(profile, noEvidence, resolvePrices(profile, defaultPriceTable));
    // RAG: 2000 x $0.40 + 2000 x $0.10 (cached) + 300 x $1.60, per million = $0.00148.
    close(crossover.ragCostPerRequest, 0.00148, 'rag per request');
    // Fine-tuned marginal: 100 x $0.80 + 100 x $0.20 + 300 x $3.20, per million = $0.00106.
    close(crossover.fineTuned.marginalCostPerRequest, 0.00106, 'fine-tuned marginal');
    // Training: 1000 x 500 x 3 = 1.5M tokens x $5 = $7.50, over 6 months = $1.25 a month.
    close(crossover.fineTuned.trainingUsd, 7.5, 'training');
    close(crossover.fineTuned.fixedMonthlyUsd, 1.25, 'fixed monthly');
    // Per request at 1000/day: 0.00106 + 1.25 / 30000.
    close(crossover.fineTunedCostPerRequest, 0.00106 + 1.25 / 30_000, 'fine-tuned per request'); // $0.0011017
    // Break-even: 1.25 / (30 x (0.00148 - 0.00106)) = 1.25 / 0.0126 = 99.2063... requests per day.
    assert.ok(Math.abs((crossover.breakEvenRequestsPerDay ?? 0) - 99.2063) < 1e-4, `break-even ${crossover.breakEvenRequestsPerDay}`);
    // Monthly at 1000/day (30,000 requests): RAG 30,000 x 0.00148 = $44.40; fine-tuned 1.25 + 30,000 x 0.00106 = $33.05.
    close(crossover.ragMonthlyUsd, 44.4, 'rag monthly');
    close(crossover.fineTunedMonthlyUsd, 33.05, 'fine-tuned monthly');
    close(crossover.inTwelveMonths.requestsPerDay, 1000 * 1.1 ** 12, 'volume in a year');
    // The curves cross at the break-even volume.
    const at = crossover.breakEvenRequestsPerDay ?? 0;
    close(1.25 + at * 30 * 0.00106, at * 30 * 0.00148, 'curves meet');
    assert.equal(crossover.curve[0]?.requestsPerDay, 0);
    assert.equal(crossover.curve.at(-1)?.requestsPerDay, 2000);
  });

  it('has no break-even when the fine-tuned model is dearer per request', () => {
    const profile = advisorProfileSchema.parse({ contextTokensPerRequest: 300, fineTunedPromptTokens: 300, labeledExamples: 1000 });
    const crossover = computeCrossover(profile, noEvidence, resolvePrices(profile, defaultPriceTable));
    assert.equal(crossover.breakEvenRequestsPerDay, null);
  });

  it('prices self-hosted models by their hosting and reads latency against the budget', () => {
    const profile = advisorProfileSchema.parse({ privacy: 'in-house-only', latencyBudgetMs: 500, labeledExamples: 1000 });
    const evidence = { ...noEvidence, latency: { retrieveP95Ms: 100, generateP95Ms: 300, totalP95Ms: 400 } };
    const crossover = computeCrossover(profile, evidence, resolvePrices(profile, defaultPriceTable));
    assert.equal(crossover.rag.fixedMonthlyUsd, 730);
    close(crossover.fineTuned.fixedMonthlyUsd, 730 + (1000 * 500 * 3 * 0.5) / 1e6 / 6, 'self-hosted fixed');
    assert.equal(crossover.breakEvenRequestsPerDay, null, 'same per-token cost, more fixed cost: never cheaper');
    assert.equal(crossover.latency.retrievalShareOfBudget, 0.2);
    assert.equal(crossover.latency.withinBudget, true);
  });

  it('names the missing price and where to add it', () => {
    const profile = advisorProfileSchema.parse({ ragModel: 'my-model' });
    assert.throws(() => resolvePrices(profile, defaultPriceTable), /ragModel 'my-model' has no price/);
  });
});
