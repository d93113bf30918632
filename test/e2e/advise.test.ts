import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/run-cli.js';
import { parseJson, runGrounded, temporaryFolder } from '../support/run-grounded.js';

// The advisor end to end: real evaluation runs on the offline demo corpus, then `grounded advise`.
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = join(repo, 'test', 'fixtures', 'advise');

interface AdviceJson {
  recommendations: {
    slice: string;
    action: string;
    then: string | null;
    focus: string[];
    reasons: string[];
    evidence: Record<string, number | string | boolean | null>;
    confidence: 'low' | 'medium' | 'high';
  }[];
  crossover: { ragCostPerRequest: number; fineTunedCostPerRequest: number; breakEvenRequestsPerDay: number | null; requestsPerDay: number };
  evidence: { runs: { runId: string }[]; knowledge: { tokens: number; documents: number } | null; contextTokensSource: string | null };
  profile: Record<string, unknown>;
  notes: string[];
}

const actions = ['rag', 'improve-retrieval', 'prompt-and-structured-output', 'fine-tune', 'hybrid', 'long-context', 'none'];

describe('grounded advise', () => {
  const folder = temporaryFolder('advise');
  const dataDir = join(folder.path, 'data');
  const run = (args: string[]) => runGrounded(args, { cwd: folder.path, dataDir });
  after(() => folder.remove());
  before(async () => {
    for (const kb of ['passing', 'behaviour', 'paraphrased']) {
      const ingest = await run(['ingest', join(repo, 'examples', 'sample-docs'), '--kb', kb]);
      assert.equal(ingest.code, 0, ingest.stderr);
    }
    const evaluations: [string, string, string[]][] = [
      ['passing', 'harbor-golden.jsonl', []],
      ['behaviour', 'harbor-behaviour.jsonl', []],
      // Lexical retrieval with one passage, on questions that share few words with the documents.
      ['paraphrased', 'harbor-paraphrased.jsonl', ['--config', join(fixtures, 'degraded-retrieval.config.json')]],
    ];
    for (const [kb, golden, extra] of evaluations) {
      const evaluation = await run(['eval', 'run', '--kb', kb, '--golden', join(fixtures, golden), ...extra]);
      assert.equal(evaluation.code, 0, evaluation.stderr);
    }
  });

  it('prints one JSON document of the contract shape; a passing run recommends nothing', async () => {
    const result = await run(['advise', '--kb', 'passing', '--json']);
    assert.equal(result.code, 0, result.stderr);
    const advice = parseJson<AdviceJson>(result);
    const [overall] = advice.recommendations;
    assert.equal(overall?.slice, 'all');
    for (const recommendation of advice.recommendations) {
      assert.ok(actions.includes(recommendation.action), recommendation.action);
      assert.ok(Array.isArray(recommendation.reasons) && recommendation.reasons.length > 0);
      assert.equal(typeof recommendation.evidence, 'object');
      assert.ok(['low', 'medium', 'high'].includes(recommendation.confidence));
      assert.equal(recommendation.action, 'none', `${recommendation.slice}: ${recommendation.reasons.join('; ')}`);
    }
    assert.equal(typeof advice.crossover.ragCostPerRequest, 'number');
    assert.equal(typeof advice.crossover.fineTunedCostPerRequest, 'number');
    assert.ok(advice.crossover.breakEvenRequestsPerDay === null || typeof advice.crossover.breakEvenRequestsPerDay === 'number');
    assert.equal(advice.evidence.runs.length, 1);
    assert.equal(advice.evidence.knowledge?.documents, 7);
    assert.equal(advice.evidence.contextTokensSource, 'retrieved-passages');
  });

  it('recommends retrieval work, not fine-tuning, when retrieval misses dominate', async () => {
    const profile = join(folder.path, 'ready-to-tune.yaml');
    writeFileSync(profile, 'labeledExamples: 5000\npromptingTried: true\n');
    const advice = parseJson<AdviceJson>(await run(['advise', '--kb', 'paraphrased', '--profile', profile, '--json']));
    const [overall] = advice.recommendations;
    assert.equal(overall?.action, 'improve-retrieval', overall?.reasons.join('\n'));
    assert.ok((overall?.evidence['failures.retrieval-miss'] as number) > (overall?.evidence['failed'] as number) / 2);
    assert.ok(advice.recommendations.every((recommendation) => recommendation.action !== 'fine-tune'));
  });

  it('recommends prompting and structured output, then fine-tuning, when retrieval is good but behaviour checks fail', async () => {
    const advice = parseJson<AdviceJson>(await run(['advise', '--kb', 'behaviour', '--json']));
    const [overall] = advice.recommendations;
    assert.equal(overall?.evidence['recallAt5'], 1);
    assert.equal(overall?.action, 'prompt-and-structured-output', overall?.reasons.join('\n'));
    assert.equal(overall?.then, 'fine-tune');
  });

  it('writes a self-contained HTML report with the cost-vs-volume chart, and reads by default', async () => {
    const report = join(folder.path, 'advice.html');
    const result = await run(['advise', '--kb', 'behaviour', '--report', report]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^advice for knowledge base 'behaviour'/);
    assert.match(result.stdout, /all: PROMPT-AND-STRUCTURED-OUTPUT, then fine-tune/);
    assert.match(result.stdout, /report written to /);
    const html = readFileSync(report, 'utf8');
    assert.match(html, /<svg class="chart" data-chart="cost-vs-volume"/);
    assert.match(html, /data-series="rag"/);
    assert.match(html, /data-series="fine-tuned"/);
    assert.match(html, /class="break-even"/);
    assert.doesNotMatch(html, /<script|src=|href="http/);
  });

  it('exits 1 with one line saying what to fix for a bad or missing profile', async () => {
    const bad = join(folder.path, 'bad.yaml');
    writeFileSync(bad, 'latencyBudget: 300\ngap: facts\n');
    const result = await run(['advise', '--kb', 'passing', '--profile', bad, '--json']);
    assert.equal(result.code, 1);
    assert.equal(result.stdout, '');
    assert.equal(result.stderr.trim().split('\n').length, 1);
    assert.match(result.stderr, /unknown field 'latencyBudget'; did you mean 'latencyBudgetMs'\?/);
    const wrongType = join(folder.path, 'wrong-type.yaml');
    writeFileSync(wrongType, 'requestsPerDay: lots\n');
    assert.match((await run(['advise', '--profile', wrongType])).stderr, /field 'requestsPerDay'/);
    const missing = await run(['advise', '--profile', join(folder.path, 'nope.yaml')]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /cannot read profile/);
    const unwritable = await run(['advise', '--kb', 'passing', '--report', join(folder.path, 'no-such-folder', 'advice.html')]);
    assert.equal(unwritable.code, 1, 'a report path that cannot be written is the user\'s to fix');
    assert.match(unwritable.stderr, /^error: cannot write report .*advice\.html; check that the folder exists/);
    const noInput = await run(['advise', '--interview']);
    assert.equal(noInput.code, 1);
    assert.match(noInput.stderr, /--interview has no standard input/);
  });

  it('advises from the profile alone, with a note, when the knowledge base does not exist', async () => {
    const result = await run(['advise', '--kb', 'nowhere', '--json']);
    assert.equal(result.code, 0, result.stderr);
    const advice = parseJson<AdviceJson>(result);
    assert.match(advice.notes.join('\n'), /knowledge base 'nowhere' does not exist/);
    assert.notEqual(advice.recommendations[0]?.confidence, 'high', 'never high without measurements');
  });

  it('--interview asks each question on the given input and keeps stdout for the JSON', async () => {
    let stdout = '';
    let stderr = '';
    const answers = ['behaviour', 'static', 'no', '', '', '', '200', '', 'format', 'yes'].join('\n');
    const code = await runCli(['advise', '--kb', 'passing', '--interview', '--json', '--data-dir', dataDir], {
      stdout: (text) => {
        stdout += text;
      },
      stderr: (text) => {
        stderr += text;
      },
      env: {},
      cwd: folder.path,
      stdin: Readable.from([`${answers}\n`]),
    });
    assert.equal(code, 0, stderr);
    assert.match(stderr, /Is the gap about facts .*\[unknown; facts\/behaviour\/both\/unknown\]/);
    assert.match(stderr, /How many good labelled examples .*\[0\]/);
    const advice = JSON.parse(stdout) as AdviceJson;
    assert.equal(advice.profile['gap'], 'behaviour');
    assert.equal(advice.profile['labeledExamples'], 200);
    assert.notEqual(advice.recommendations[0]?.action, 'fine-tune');
  });
});
