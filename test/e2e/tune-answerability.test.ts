import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { defaultAnswerabilityModel } from '../../src/answer/answerability/default-answerability-model.js';
import { parseJson, runGrounded, temporaryFolder } from '../support/run-grounded.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const sampleDocs = join(repo, 'examples', 'sample-docs');

// Questions about the sample corpus (Harbor, a made-up file sync server): 20 it answers, 10 it does not.
const answerable: [string, string][] = [
  ['What TCP port does the Harbor web interface listen on by default?', '8420'],
  ['Where does Harbor keep its configuration file?', '/etc/harbor/harbor.toml'],
  ['How long do Harbor API tokens last before they expire?', '90 days'],
  ['How many characters must a Harbor password have at least?', '12'],
  ['How long is an account locked after five failed sign-in attempts?', '15 minutes'],
  ['What is the default maximum upload size?', '512 MiB'],
  ['What HTTP status is returned when an upload is larger than max_upload_size?', '413'],
  ['How many days are old file versions kept by default?', '30'],
  ['At what time does Harbor take its nightly snapshot?', '02:00 UTC'],
  ['How many snapshots does Harbor keep?', 'seven'],
  ['Which command restores a Harbor snapshot?', 'harbor restore'],
  ['What suffix does Harbor give to a conflict copy of a file?', '(conflict copy)'],
  ['What is the default value of hash_workers?', '2'],
  ['Which single sign-on protocol does Harbor support?', 'OpenID Connect'],
  ['What is the minimum supported macOS version?', 'macOS 13'],
  ['How much memory does the Harbor server need?', '512 MB'],
  ['Which environment variable sets the listen port?', 'HARBOR_LISTEN_PORT'],
  ['What is the default log level?', 'info'],
  ['How do I apply configuration changes to a running server?', 'systemctl reload harbor'],
  ['What does selective sync let clients do?', 'choose which top-level folders to sync'],
];
const unanswerable = [
  'How do I configure Kafka replication between two Harbor servers?',
  'What does a Harbor enterprise licence cost per seat?',
  'Does Harbor have an iOS app in the App Store?',
  'How do I store Harbor file contents in Amazon S3?',
  'Which Postgres version does Harbor require?',
  'How do I set up LDAP group sync?',
  'What is the maximum number of users on the free plan?',
  'How do I migrate my files from Dropbox to Harbor?',
  'Can Harbor encrypt files with a customer-managed key in AWS KMS?',
  'What is the keyboard shortcut to pause syncing on Windows?',
];
const answerableCases = answerable.map(([question, answer], index) => ({ id: `a${index + 1}`, question, answers: [answer], sources: [], kind: 'answerable' }));
const unanswerableCases = unanswerable.map((question, index) => ({ id: `u${index + 1}`, question, answers: [], sources: [], kind: 'unanswerable' }));

interface TuneJson {
  kb: string;
  golden: string;
  cases: number;
  unanswerable: number;
  fit: 'intercept' | 'full';
  model: { intercept: number; weights: Record<string, number>; threshold: number; modelThreshold: number; source: string };
  crossValidation: { folds: number; before: Figures; after: Figures };
  inSample: Figures;
  stored: boolean;
}
interface Figures {
  overRefusal: number;
  abstentionRecall: number;
}

describe('grounded tune answerability on the sample docs', () => {
  const folder = temporaryFolder('tune');
  const dataDir = join(folder.path, 'data');
  const run = (args: string[]) => runGrounded(args, { cwd: folder.path, dataDir });
  const writeSet = (file: string, cases: readonly object[]): string => {
    writeFileSync(join(folder.path, file), cases.map((golden) => JSON.stringify(golden)).join('\n'));
    return file;
  };
  const probe = 'What is the default log level?';
  const answerability = async (): Promise<number> => {
    const asked = await run(['ask', probe, '--kb', 'harbor', '--json']);
    assert.equal(asked.code, 0, asked.stderr);
    return parseJson<{ answerability: number }>(asked).answerability;
  };
  const golden = writeSet('golden.jsonl', [...answerableCases, ...unanswerableCases]);
  let shipped: number;
  let tuned: number;
  after(() => folder.remove());
  before(async () => {
    const ingest = await run(['ingest', sampleDocs, '--kb', 'harbor']);
    assert.equal(ingest.code, 0, ingest.stderr);
    shipped = await answerability();
  });

  it('fits the intercept on 30 cases, reports cross-validated figures, and ask uses the stored model', async () => {
    const result = await run(['tune', 'answerability', '--kb', 'harbor', '--golden', golden, '--json']);
    assert.equal(result.code, 0, result.stderr);
    const tuning = parseJson<TuneJson>(result);
    assert.equal(tuning.kb, 'harbor');
    assert.equal(tuning.golden, join(folder.path, golden));
    assert.equal(tuning.cases, 30);
    assert.equal(tuning.unanswerable, 10);
    assert.equal(tuning.fit, 'intercept');
    assert.equal(tuning.model.source, 'tuned: golden.jsonl (30 cases, intercept only)');
    assert.deepEqual(tuning.model.weights, defaultAnswerabilityModel.weights, 'an intercept-only fit keeps the shipped coefficients');
    assert.ok(Math.abs(tuning.model.intercept) < 50, `a converged intercept, not ${tuning.model.intercept}`);
    assert.ok(tuning.model.modelThreshold <= tuning.model.threshold);
    assert.equal(tuning.crossValidation.folds, 5);
    for (const figures of [tuning.crossValidation.before, tuning.crossValidation.after, tuning.inSample]) {
      for (const rate of Object.values(figures)) assert.ok(rate >= 0 && rate <= 1, JSON.stringify(figures));
    }
    assert.ok(tuning.inSample.overRefusal <= 0.08, 'the fitted cut refuses at most 8% of the answerable cases it saw');
    assert.equal(tuning.stored, true);
    tuned = await answerability();
    assert.notEqual(tuned, shipped, 'ask reads the tuned model');
    // Same coefficients, another intercept: the probability moves the way the intercept did.
    assert.equal(tuned > shipped, tuning.model.intercept > defaultAnswerabilityModel.intercept);
  });

  it('says in readable lines what it fitted, before and after, and the new thresholds', async () => {
    const result = await run(['tune', 'answerability', '--kb', 'harbor', '--golden', golden, '--dry-run']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^fitted the intercept only .* on 30 cases \(10 unanswerable\) of .*golden\.jsonl for 'harbor'$/m);
    assert.match(result.stdout, /5-fold cross-validation +over-refusal +abstention recall/);
    assert.match(result.stdout, /before: shipped model, cut 0\.\d\d +\d+\.\d% +\d+\.\d%/);
    assert.match(result.stdout, /after: tuned model, its own cut +\d+\.\d% +\d+\.\d%/);
    assert.match(result.stdout, /thresholds: abstain below 0\.\d\d \(shipped 0\.\d\d\)/);
    assert.match(result.stdout, /dry run: nothing stored/);
  });

  it('stores nothing on a dry run', async () => {
    const subset = writeSet('subset.jsonl', [...answerableCases.slice(0, 14), ...unanswerableCases.slice(0, 8)]);
    const result = await run(['tune', 'answerability', '--kb', 'harbor', '--golden', subset, '--dry-run', '--json']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(parseJson<TuneJson>(result).stored, false);
    assert.equal(await answerability(), tuned, 'the stored model is still the one from before');
  });

  it('refuses a set under 20 cases or with one class, with exit 1 and one line, changing nothing', async () => {
    const small = writeSet('small.jsonl', [...answerableCases.slice(0, 8), ...unanswerableCases.slice(0, 4)]);
    const oneClass = writeSet('one-class.jsonl', answerableCases);
    for (const [file, reason] of [[small, /small\.jsonl has 12 valid case\(s\); tuning answerability needs at least 20; add /], [oneClass, /no unanswerable case; .*"kind": "unanswerable"/]] as const) {
      const result = await run(['tune', 'answerability', '--kb', 'harbor', '--golden', file, '--json']);
      assert.equal(result.code, 1);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, reason);
      assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
    }
    assert.equal(await answerability(), tuned);
  });

  it('--reset deletes the tuned model, and ask goes back to the shipped one', async () => {
    const reset = await run(['tune', 'answerability', '--kb', 'harbor', '--reset']);
    assert.equal(reset.code, 0, reset.stderr);
    assert.match(reset.stdout, /deleted the tuned answerability model of 'harbor'/);
    assert.equal(await answerability(), shipped);
    const again = await run(['tune', 'answerability', '--kb', 'harbor', '--reset', '--json']);
    assert.deepEqual(parseJson(again), { kb: 'harbor', reset: true, deleted: false });
  });

  it('exits 2 without --golden or with --reset and --golden, and 1 for an unknown knowledge base', async () => {
    assert.equal((await run(['tune', 'answerability', '--kb', 'harbor'])).code, 2);
    assert.equal((await run(['tune', 'answerability', '--kb', 'harbor', '--reset', '--golden', golden])).code, 2);
    const unknown = await run(['tune', 'answerability', '--kb', 'nope', '--golden', golden]);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /knowledge base 'nope' does not exist/);
  });
});
