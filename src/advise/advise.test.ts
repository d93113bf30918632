import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { EvalRunReport } from '../eval/eval-run-report.js';
import type { AdviceAction, AdviceEvidence } from './advice-report.js';
import { advise } from './advise.js';
import { advisorProfileSchema, type AdvisorProfileInput } from './advisor-profile-schema.js';
import { defaultPriceTable } from './default-price-table.js';
import { extractEvidence } from './extract-evidence.js';

const noEvidence: AdviceEvidence = extractEvidence({ runs: [], knowledge: null });

const fixture = (name: string): EvalRunReport =>
  JSON.parse(readFileSync(new URL(`../../test/fixtures/advise/${name}.report.json`, import.meta.url), 'utf8')) as EvalRunReport;

const adviseOn = (profile: AdvisorProfileInput, evidence: AdviceEvidence = noEvidence) =>
  advise({ profile: advisorProfileSchema.parse(profile), evidence, prices: defaultPriceTable });

interface Scenario {
  readonly name: string;
  readonly profile: AdvisorProfileInput;
  readonly evidence?: AdviceEvidence;
  readonly action: AdviceAction;
  readonly then?: AdviceAction | null;
  readonly focus?: string;
  readonly notAction?: AdviceAction;
}

// Scenarios from the fine-tuning guides and the RAG-vs-fine-tuning literature (sources in each rule's TSDoc).
const scenarios: readonly Scenario[] = [
  {
    name: 'help-centre bot: weekly doc changes, citations required',
    profile: { knowledgeChangeFrequency: 'weekly', needsCitations: true, gap: 'facts', requestsPerDay: 5000 },
    action: 'rag',
  },
  {
    name: 'intent classifier: fixed label set, tight latency budget broken by the measured pipeline',
    profile: {
      task: 'classification',
      knowledgeChangeFrequency: 'static',
      needsCitations: false,
      gap: 'behaviour',
      promptingTried: true,
      labeledExamples: 5000,
      latencyBudgetMs: 200,
      requestsPerDay: 200_000,
    },
    evidence: { ...noEvidence, latency: { retrieveP95Ms: 140, generateP95Ms: 380, totalP95Ms: 520 } },
    action: 'fine-tune',
  },
  {
    name: 'JSON extraction from messy text: structured output first, then fine-tune',
    profile: { task: 'extraction', gap: 'behaviour', behaviourKind: 'format', needsCitations: false, knowledgeChangeFrequency: 'static', labeledExamples: 1000 },
    action: 'prompt-and-structured-output',
    then: 'fine-tune',
    focus: 'structured-output',
  },
  {
    name: 'brand voice',
    profile: { task: 'generation', gap: 'behaviour', behaviourKind: 'tone', needsCitations: false, knowledgeChangeFrequency: 'yearly', labeledExamples: 2000 },
    action: 'fine-tune',
  },
  {
    name: 'code in house style over a changing codebase: fine-tune + RAG',
    profile: { task: 'code', gap: 'both', behaviourKind: 'format', promptingTried: true, needsCitations: false, knowledgeChangeFrequency: 'weekly', labeledExamples: 3000 },
    action: 'hybrid',
  },
  {
    name: 'multilingual support over a knowledge base: RAG with multilingual embeddings',
    profile: { knowledgeChangeFrequency: 'weekly', needsCitations: true, gap: 'facts', languages: ['en', 'de', 'fr', 'ja'] },
    action: 'rag',
    focus: 'multilingual-embeddings',
  },
  {
    name: 'a team with 200 examples: no fine-tune yet',
    profile: { gap: 'behaviour', behaviourKind: 'format', promptingTried: true, needsCitations: false, knowledgeChangeFrequency: 'static', labeledExamples: 200 },
    action: 'prompt-and-structured-output',
    then: 'fine-tune',
    notAction: 'fine-tune',
  },
  {
    name: 'small static handbook, nothing measured yet: long-context prototype',
    profile: { knowledgeChangeFrequency: 'static', needsCitations: false, gap: 'facts', knowledgeTokens: 30_000 },
    action: 'long-context',
    then: 'rag',
  },
  {
    name: 'per-tenant data and corpus-wide reasoning with too few examples: hybrid falls back to rag',
    profile: { perTenantSeparation: true, reasoningAcrossCorpus: true, needsCitations: false, knowledgeChangeFrequency: 'static', labeledExamples: 100 },
    action: 'rag',
    notAction: 'hybrid',
  },
];

describe('advise on scenarios from the literature', () => {
  for (const scenario of scenarios) {
    it(`${scenario.name} -> ${scenario.action}`, () => {
      const report = adviseOn(scenario.profile, scenario.evidence);
      const [overall] = report.recommendations;
      assert.equal(report.recommendations.length, 1);
      assert.equal(overall?.slice, 'all');
      assert.equal(overall?.action, scenario.action, overall?.reasons.join('\n'));
      if (scenario.then !== undefined) assert.equal(overall?.then, scenario.then);
      if (scenario.focus !== undefined) assert.ok(overall?.focus.includes(scenario.focus), `focus: ${overall?.focus.join(', ')}`);
      if (scenario.notAction !== undefined) assert.notEqual(overall?.action, scenario.notAction);
      assert.ok((overall?.reasons.length ?? 0) > 0);
      assert.notEqual(overall?.confidence, 'high', 'profile-only advice is never high confidence');
      for (const finding of overall?.findings ?? []) assert.ok(finding.source.length > 10, `${finding.rule} cites a source`);
    });
  }

  it('warns against fine-tuning facts whenever facts are part of the gap', () => {
    const [overall] = adviseOn({ gap: 'both', promptingTried: true, labeledExamples: 3000 }).recommendations;
    assert.ok(overall?.warnings.some((warning) => /stale/.test(warning)));
  });

  it('keeps privacy as a constraint on the action', () => {
    const report = adviseOn({ privacy: 'in-house-only', gap: 'facts', knowledgeChangeFrequency: 'weekly' });
    assert.equal(report.recommendations[0]?.action, 'rag');
    assert.ok(report.recommendations[0]?.focus.includes('open-weight-model-in-house'));
    assert.equal(report.crossover.rag.model, 'open-weight-8b-self-hosted');
    assert.equal(report.crossover.fineTuned.model, 'open-weight-8b-self-hosted:fine-tuned');
  });
});

describe('advise on real eval runs (examples/sample-docs, test/fixtures/advise)', () => {
  it('a run dominated by retrieval misses recommends retrieval work, not fine-tuning', () => {
    const report = adviseOn({ labeledExamples: 5000, promptingTried: true }, extractEvidence({ runs: [fixture('retrieval-misses')], knowledge: null }));
    const [overall] = report.recommendations;
    assert.equal(overall?.action, 'improve-retrieval', overall?.reasons.join('\n'));
    assert.ok(overall?.focus.includes('candidates'));
    assert.equal(overall?.evidence['failures.retrieval-miss'], 8);
    assert.match(overall?.expectedEffect ?? '', /up to 10 of 10 failing cases/);
    for (const recommendation of report.recommendations) assert.notEqual(recommendation.action, 'fine-tune');
  });

  it('good retrieval but failing behaviour checks recommends prompting and structured output, then fine-tuning', () => {
    const report = adviseOn({}, extractEvidence({ runs: [fixture('behaviour-misses')], knowledge: null }));
    const [overall] = report.recommendations;
    assert.equal(overall?.evidence['recallAt5'], 1);
    assert.equal(overall?.action, 'prompt-and-structured-output', overall?.reasons.join('\n'));
    assert.equal(overall?.then, 'fine-tune');
    assert.ok(overall?.focus.includes('json_schema'));
    const tagged = report.recommendations.find((recommendation) => recommendation.slice === 'tag:json-format');
    assert.equal(tagged?.action, 'prompt-and-structured-output');
  });

  it('the same behaviour misses with prompting tried and enough examples recommend fine-tuning (hybrid when citations are needed)', () => {
    const evidence = extractEvidence({ runs: [fixture('behaviour-misses')], knowledge: null });
    const withCitations = adviseOn({ promptingTried: true, labeledExamples: 800 }, evidence);
    assert.equal(withCitations.recommendations[0]?.action, 'hybrid', 'fine-tune the behaviour, keep retrieving for citations');
    const withoutCitations = adviseOn({ promptingTried: true, labeledExamples: 800, needsCitations: false, knowledgeChangeFrequency: 'static' }, evidence);
    assert.equal(withoutCitations.recommendations[0]?.action, 'fine-tune');
  });

  it('a run where everything passes recommends nothing, in every slice', () => {
    const report = adviseOn({}, extractEvidence({ runs: [fixture('all-passing')], knowledge: { tokens: 1300, documents: 7, chunks: 20 } }));
    assert.deepEqual(
      report.recommendations.map((recommendation) => [recommendation.slice, recommendation.action]),
      report.recommendations.map((recommendation) => [recommendation.slice, 'none']),
    );
    assert.equal(report.recommendations[0]?.slice, 'all');
    assert.equal(report.recommendations[0]?.confidence, 'low', '10 cases are little evidence');
    assert.ok(report.recommendations[0]?.reasons.some((reason) => /^keep retrieval/.test(reason)));
  });

  it('a passing run does not hide a measured latency breach', () => {
    const passing = extractEvidence({ runs: [fixture('all-passing')], knowledge: null });
    const slow = { ...passing, latency: { retrieveP95Ms: 400, generateP95Ms: 150, totalP95Ms: 550 } };
    const profile = { latencyBudgetMs: 300, labeledExamples: 2000, promptingTried: true, needsCitations: false, knowledgeChangeFrequency: 'static' as const };
    const [overall] = adviseOn(profile, slow).recommendations;
    assert.equal(overall?.action, 'fine-tune', overall?.reasons.join('\n'));
    assert.ok(overall?.focus.includes('no-retrieval'));
    assert.match(overall?.expectedEffect ?? '', /p95 550 ms under the 300 ms budget with a smaller fine-tuned model answering without retrieval/);
    assert.equal(adviseOn({ ...profile, latencyBudgetMs: 1000 }, slow).recommendations[0]?.action, 'none', 'within budget: nothing to do');
  });

  it('a passing run without behaviour checks does not answer a stated behaviour gap', () => {
    const passing = extractEvidence({ runs: [fixture('all-passing')], knowledge: null });
    assert.equal(passing.slices[0]?.behaviourCases, 0);
    const [overall] = adviseOn({ gap: 'behaviour', behaviourKind: 'format' }, passing).recommendations;
    assert.equal(overall?.action, 'prompt-and-structured-output', overall?.reasons.join('\n'));
    assert.equal(overall?.then, 'fine-tune');
  });

  it('pools the latest run of several golden sets and slices by kind and tag', () => {
    const evidence = extractEvidence({ runs: [fixture('behaviour-misses'), fixture('all-passing')], knowledge: null });
    assert.equal(evidence.slices[0]?.cases, 19);
    assert.deepEqual(
      evidence.slices.map((slice) => slice.slice).filter((slice) => slice.startsWith('kind:')),
      ['kind:answerable', 'kind:unanswerable'],
    );
    const report = adviseOn({}, evidence);
    assert.equal(report.recommendations.find((recommendation) => recommendation.slice === 'tag:pricing')?.action, 'none');
  });
});
