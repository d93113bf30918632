import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { EvalRunReport } from '../eval/eval-run-report.js';
import { extractEvidence } from './extract-evidence.js';

const fixture = (name: string): EvalRunReport =>
  JSON.parse(readFileSync(new URL(`../../test/fixtures/advise/${name}.report.json`, import.meta.url), 'utf8')) as EvalRunReport;

describe('extractEvidence', () => {
  it('reads the failure mix, latency and token estimate of a real offline run', () => {
    const run = fixture('retrieval-misses');
    const evidence = extractEvidence({ runs: [run], knowledge: null });
    const [all] = evidence.slices;
    assert.equal(all?.slice, 'all');
    assert.deepEqual(all?.failures, run.failures);
    assert.equal(all?.failed, run.perCase.filter((record) => record.failure !== null).length);
    assert.equal(evidence.strategy, 'rag');
    assert.equal(evidence.latency?.retrieveP95Ms, run.latency.retrieveP95Ms);
    // Extractive runs call no model: tokens come from the one passage each case's answerer read (passages: 1).
    // Worked out by hand from the fixture: 586 characters of questions + 4,879 of top-ranked passages over 10 cases
    // = 546.5 characters = 136.6 tokens at 4 characters a token, + 250 tokens of prompt = 386.6 -> 387.
    assert.equal(evidence.contextTokensSource, 'retrieved-passages');
    assert.equal(evidence.contextTokensPerRequest, 387);
    assert.equal(evidence.answerCostUsdPerRequest, null, 'no priced model answered');
  });

  it('slices by kind and tag, counting a case in every tag it has', () => {
    const evidence = extractEvidence({ runs: [fixture('behaviour-misses')], knowledge: null });
    const names = evidence.slices.map((slice) => slice.slice);
    assert.deepEqual(names.slice(0, 2), ['all', 'kind:answerable']);
    assert.equal(evidence.slices.find((slice) => slice.slice === 'tag:json-format')?.cases, 9);
    assert.ok((evidence.slices[0]?.failingChecks['json_schema'] ?? 1) < 1);
  });

  it('leaves what was not measured null', () => {
    const evidence = extractEvidence({ runs: [], knowledge: null });
    assert.deepEqual(evidence.slices, []);
    assert.equal(evidence.latency, null);
    assert.equal(evidence.contextTokensPerRequest, null);
    assert.equal(evidence.traffic, null);
  });
});
