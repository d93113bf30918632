import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { advisorProfileSchema } from '../advisor-profile-schema.js';
import { extractEvidence } from '../extract-evidence.js';
import { latencyBudgetBrokenByRetrieval } from './latency-budget-broken-by-retrieval.js';

const noEvidence = extractEvidence({ runs: [], knowledge: null });
const withLatency = (retrieveP95Ms: number, generateP95Ms: number, totalP95Ms: number) => ({ ...noEvidence, latency: { retrieveP95Ms, generateP95Ms, totalP95Ms } });
const budget = (latencyBudgetMs: number) => advisorProfileSchema.parse({ latencyBudgetMs });

describe('latencyBudgetBrokenByRetrieval', () => {
  it('votes for a model without retrieval only when the measured generation p95 alone fits the budget', () => {
    const fits = latencyBudgetBrokenByRetrieval({ profile: budget(300), evidence: withLatency(200, 250, 420), slice: null });
    assert.equal(fits?.action, 'fine-tune');
    assert.equal(fits?.weight, 3);
    assert.deepEqual(fits?.focus, ['small-model', 'no-retrieval']);
    // p95s do not add up: 420 - 200 = 220 would fit a 240 ms budget, but generation's own p95 (250 ms) does not.
    const over = latencyBudgetBrokenByRetrieval({ profile: budget(240), evidence: withLatency(200, 250, 420), slice: null });
    assert.equal(over?.weight, 2);
    assert.deepEqual(over?.focus, ['small-model']);
    assert.match(over?.reason ?? '', /generation alone \(250 ms\)/);
  });

  it('stays silent within budget, and only asks to measure a tight budget nobody measured', () => {
    assert.equal(latencyBudgetBrokenByRetrieval({ profile: budget(500), evidence: withLatency(100, 300, 420), slice: null }), null);
    assert.equal(latencyBudgetBrokenByRetrieval({ profile: budget(3000), evidence: noEvidence, slice: null }), null);
    const unmeasured = latencyBudgetBrokenByRetrieval({ profile: budget(300), evidence: noEvidence, slice: null });
    assert.equal(unmeasured?.effect, 'note');
    assert.equal(unmeasured?.action, undefined);
  });
});
