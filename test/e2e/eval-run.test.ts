import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseJson, runGrounded, temporaryFolder } from '../support/run-grounded.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const traefikDocs = resolve(repo, '..', 'shared', 'datasets', 'traefik-docs', 'docs');
const golden = join(repo, 'test', 'fixtures', 'golden', 'traefik-docs.jsonl');
const missing = existsSync(traefikDocs) ? false : `${traefikDocs} is not present`;

interface RunJson {
  runId: string;
  cases: number;
  retrieval: { recallAt1: number; recallAt5: number; recallAt10: number; mrrAt10: number; ndcgAt10: number };
  answer: { correct: number; f1: number; exact: number };
  abstention: { precision: number; recall: number; f1: number; overRefusal: number };
  citations: { precision: number; recall: number };
  latency: { p50Ms: number; p95Ms: number };
  failures: Record<string, number>;
  byKind: Record<string, { cases: number }>;
  perCase: { id: string; failure: string | null; citations: { doc: string; start: number; end: number; quote: string }[] }[];
  fingerprint: Record<string, string>;
}

/** Every rate of the headline groups (case counts left out). */
const rates = (report: RunJson): number[] =>
  [report.retrieval, report.answer, report.abstention, report.citations].flatMap((group) =>
    Object.entries(group)
      .filter(([key]) => key !== 'cases')
      .map(([, value]) => value),
  );

describe('grounded eval run, list, show and diff on the Traefik docs', { skip: missing }, () => {
  const folder = temporaryFolder('eval-run');
  const dataDir = join(folder.path, 'data');
  const run = (args: string[]) => runGrounded(args, { cwd: folder.path, dataDir });
  after(() => folder.remove());
  before(async () => {
    const ingest = await run(['ingest', traefikDocs, '--kb', 'traefik']);
    assert.equal(ingest.code, 0, ingest.stderr);
  });

  let first: RunJson;
  it('scores the golden set with every metric group, deterministically', async () => {
    const result = await run(['eval', 'run', '--kb', 'traefik', '--golden', golden, '--json']);
    assert.equal(result.code, 0, result.stderr);
    first = parseJson<RunJson>(result);
    const lines = readFileSync(golden, 'utf8').trim().split('\n').length;
    assert.equal(first.cases, lines);
    assert.deepEqual(Object.keys(first.byKind).sort(), ['answerable', 'synthesis', 'unanswerable']);
    for (const rate of rates(first)) assert.ok(rate >= 0 && rate <= 1 && !Number.isNaN(rate));
    assert.ok(first.retrieval.recallAt10 >= first.retrieval.recallAt5 && first.retrieval.recallAt5 >= first.retrieval.recallAt1);
    // Every failed case is attributed, and the counts add up.
    const failed = first.perCase.filter((record) => record.failure !== null).length;
    assert.equal(Object.values(first.failures).reduce((a, b) => a + b, 0), failed);
    assert.equal(first.fingerprint.codeVersion?.startsWith('grounded@'), true);
    const again = parseJson<RunJson>(await run(['eval', 'run', '--kb', 'traefik', '--golden', golden, '--json']));
    assert.deepEqual(rates(again), rates(first), 'offline runs are deterministic');
    assert.deepEqual(again.fingerprint, first.fingerprint);
  });

  it('keeps the runs in the history', async () => {
    const list = parseJson<{ runs: { id: string }[] }>(await run(['eval', 'list', '--kb', 'traefik', '--json']));
    assert.equal(list.runs.length, 2);
    assert.equal(list.runs[1]?.id, first.runId);
    const shown = parseJson<RunJson>(await run(['eval', 'show', first.runId.slice(0, 19), '--kb', 'traefik', '--json']));
    assert.deepEqual(rates(shown), rates(first));
    const unknown = await run(['eval', 'show', 'nope', '--kb', 'traefik']);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /no evaluation run 'nope'/);
  });

  it('passes a diff of equal runs and fails one against a degraded configuration', async () => {
    const same = await run(['eval', 'diff', 'previous', 'latest', '--kb', 'traefik']);
    assert.equal(same.code, 0, same.stderr);
    const degraded = join(folder.path, 'degraded.json');
    writeFileSync(degraded, JSON.stringify({ retrieval: { k: 1 }, answer: { passages: 1 } }));
    const worse = await run(['eval', 'run', '--kb', 'traefik', '--golden', golden, '--config', degraded, '--json']);
    assert.equal(worse.code, 0, worse.stderr);
    const diff = await run(['eval', 'diff', first.runId, 'latest', '--kb', 'traefik', '--json']);
    const comparison = parseJson<{ regressed: string[]; flipped: unknown[]; metrics: { metric: string; delta: number }[] }>(diff);
    assert.equal(diff.code, 1, 'a regression beyond the interval exits 1');
    assert.ok(comparison.regressed.includes('recallAt5'), `regressed: ${comparison.regressed.join(', ')}`);
    assert.ok(Array.isArray(comparison.flipped));
    assert.match(diff.stderr, /regression: /);
    const ungated = await run(['eval', 'diff', first.runId, 'latest', '--kb', 'traefik', '--fail-on', 'none']);
    assert.equal(ungated.code, 0);
  });

  it('writes a self-contained HTML report', async () => {
    const report = join(folder.path, 'report.html');
    const result = await run(['eval', 'show', 'latest', first.runId, '--kb', 'traefik', '--report', report]);
    assert.equal(result.code, 0, result.stderr);
    const html = readFileSync(report, 'utf8');
    assert.match(html, /<svg/);
    assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+href="http/);
    // A report path in a folder that does not exist is the user's to fix: exit 1, one line saying what to do.
    const nowhere = await run(['eval', 'show', 'latest', '--kb', 'traefik', '--report', join(folder.path, 'no', 'such', 'r.html')]);
    assert.equal(nowhere.code, 1);
    assert.match(nowhere.stderr, /cannot write report .*check that the folder exists/);
  });
});

describe('grounded eval validate', { skip: missing }, () => {
  const folder = temporaryFolder('eval-validate');
  const dataDir = join(folder.path, 'data');
  const run = (args: string[]) => runGrounded(args, { cwd: folder.path, dataDir });
  after(() => folder.remove());

  it('passes the fixture and reports each broken case with its line', async () => {
    assert.equal((await run(['ingest', traefikDocs, '--kb', 'traefik'])).code, 0);
    const clean = await run(['eval', 'validate', '--kb', 'traefik', '--golden', golden]);
    assert.equal(clean.code, 0, clean.stdout);
    const broken = join(folder.path, 'broken.jsonl');
    const lines = readFileSync(golden, 'utf8').trim().split('\n');
    const first = JSON.parse(lines[0] ?? '{}') as { sources: { doc: string; quote?: string }[] };
    const badQuote = { ...first, id: 'bad-quote', sources: [{ doc: first.sources[0]?.doc, quote: 'words that are nowhere in it' }] };
    const badDoc = { ...first, id: 'bad-doc', sources: [{ doc: 'no/such/page.md' }] };
    writeFileSync(broken, [lines[0], JSON.stringify(badQuote), '{not json', JSON.stringify(badDoc), lines[0]].join('\n'));
    const result = await run(['eval', 'validate', '--kb', 'traefik', '--golden', broken]);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /broken\.jsonl:2: bad-quote: .*quote/);
    assert.match(result.stdout, /broken\.jsonl:3: /);
    assert.match(result.stdout, /broken\.jsonl:4: bad-doc: no\/such\/page\.md: /);
    assert.match(result.stdout, /broken\.jsonl:5: duplicate id/);
  });
});
