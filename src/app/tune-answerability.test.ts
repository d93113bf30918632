import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { defaultAnswerabilityModel } from '../answer/answerability/default-answerability-model.js';
import { loadConfig } from '../config/load-config.js';
import type { GoldenCase } from '../core/golden-case.js';
import { expectGroundedError } from '../testing/expect-grounded-error.js';
import { openKnowledgeBase } from './open-knowledge-base.js';
import { parseAnswerabilityModel } from './parse-answerability-model.js';
import { tuneAnswerability } from './tune-answerability.js';

// 30 made-up services, one page each, so every fact and every missing one is known.
const names = ['zor', 'bel', 'kan', 'tri', 'vus', 'mel'].flatMap((head) => ['ax', 'on', 'ir', 'et', 'um'].map((tail) => `${head}${tail}`));
const absent = ['Kerberos single sign-on', 'a GPU scheduler', 'Kafka replication', 'a Windows installer', 'per-seat pricing', 'an iOS app'];
const title = (name: string): string => name[0]!.toUpperCase() + name.slice(1);

function page(name: string, index: number): string {
  return [
    `# The ${title(name)} service`,
    '',
    `${title(name)} listens on port ${7000 + index} by default. The ${title(name)} configuration file is /etc/${name}/${name}.conf.`,
    `${title(name)} keeps its logs for ${10 + index} days before it deletes them, and restarts itself after a crash.`,
    '',
  ].join('\n');
}

const answerable: GoldenCase[] = names.flatMap((name, index) => [
  { id: `${name}-port`, question: `Which port does ${title(name)} listen on by default?`, answers: [String(7000 + index)], sources: [], kind: 'answerable' },
  { id: `${name}-config`, question: `Where is the configuration file of ${title(name)}?`, answers: [`/etc/${name}/${name}.conf`], sources: [], kind: 'answerable' },
  { id: `${name}-logs`, question: `How many days does ${title(name)} keep its logs?`, answers: [String(10 + index)], sources: [], kind: 'answerable' },
]);
const unanswerable: GoldenCase[] = names.map((name, index) => ({
  id: `${name}-missing`,
  question: `How do I set up ${absent[index % absent.length]!} for ${title(name)}?`,
  answers: [],
  sources: [],
  kind: 'unanswerable',
}));

describe('tuneAnswerability on a real knowledge base', () => {
  const root = mkdtempSync(join(tmpdir(), 'grounded-tune-'));
  const config = loadConfig({ cwd: root, env: {}, overrides: { dataDir: join(root, 'data') } });
  const clock = (): Date => new Date('2026-12-01T09:30:00.000Z');
  const writeSet = (file: string, cases: readonly GoldenCase[]): string => {
    const path = join(root, file);
    writeFileSync(path, cases.map((golden) => JSON.stringify(golden)).join('\n'));
    return path;
  };
  const stored = async (): Promise<{ payload: string; createdAt: string } | undefined> => {
    const kb = openKnowledgeBase({ config, kb: 'services' });
    try {
      return await kb.store.tunedModels.get('answerability');
    } finally {
      await kb.close();
    }
  };
  const forget = async (): Promise<void> => {
    const kb = openKnowledgeBase({ config, kb: 'services' });
    await kb.store.tunedModels.delete('answerability');
    await kb.close();
  };

  before(async () => {
    mkdirSync(join(root, 'docs'));
    names.forEach((name, index) => writeFileSync(join(root, 'docs', `${name}.md`), page(name, index)));
    const kb = openKnowledgeBase({ config, kb: 'services' });
    await kb.sync([join(root, 'docs')]);
    await kb.close();
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('fits every coefficient from 100 cases with 15 of each class, and stores the model with the clock’s time', async () => {
    const golden = writeSet('golden.jsonl', [...answerable, ...unanswerable]);
    const tuning = await tuneAnswerability({ config, kb: 'services', golden, now: clock });
    assert.equal(tuning.fit, 'full');
    assert.equal(tuning.cases, 120);
    assert.equal(tuning.unanswerable, 30);
    assert.equal(tuning.model.source, 'tuned: golden.jsonl (120 cases, full)');
    assert.notDeepEqual(tuning.model.weights, defaultAnswerabilityModel.weights, 'the coefficients move');
    assert.ok(Number.isFinite(tuning.model.intercept) && Math.abs(tuning.model.intercept) < 50, `intercept ${tuning.model.intercept}`);
    // The threshold is the highest cut that refuses at most 8% of the answerable cases it was fitted on.
    assert.ok(tuning.inSample.overRefusal <= 0.08, `in-sample over-refusal ${tuning.inSample.overRefusal}`);
    assert.ok(tuning.inSample.abstentionRecall > 0.5, `on cases this separable it abstains on most unanswerable ones: ${tuning.inSample.abstentionRecall}`);
    assert.equal(tuning.crossValidation.folds, 5);
    for (const figures of [tuning.crossValidation.before, tuning.crossValidation.after]) {
      for (const rate of [figures.overRefusal, figures.abstentionRecall]) assert.ok(rate >= 0 && rate <= 1);
    }
    assert.equal(tuning.stored, true);
    const saved = (await stored());
    assert.equal(saved?.createdAt, '2026-12-01T09:30:00.000Z');
    assert.deepEqual(parseAnswerabilityModel(saved?.payload ?? ''), tuning.model);
  });

  it('answers with the stored model: the answerability of a question follows it', async () => {
    const question = unanswerable[0]!.question;
    const ask = async (): Promise<number> => {
      const kb = openKnowledgeBase({ config, kb: 'services' });
      try {
        return (await kb.answer(question)).answerability;
      } finally {
        await kb.close();
      }
    };
    await forget();
    const shipped = await ask();
    await tuneAnswerability({ config, kb: 'services', golden: writeSet('golden.jsonl', [...answerable, ...unanswerable]), now: clock });
    assert.notEqual(await ask(), shipped);
    await forget();
    assert.equal(await ask(), shipped);
  });

  it('refits only the intercept under 100 cases, or under 15 cases of a class', async () => {
    const small = writeSet('small.jsonl', [...answerable.slice(0, 30), ...unanswerable.slice(0, 10)]);
    const lopsided = writeSet('lopsided.jsonl', [...answerable, ...unanswerable.slice(0, 14)]);
    for (const [golden, cases] of [[small, 40], [lopsided, 104]] as const) {
      const tuning = await tuneAnswerability({ config, kb: 'services', golden, dryRun: true });
      assert.equal(tuning.fit, 'intercept');
      assert.match(tuning.model.source, new RegExp(`\\(${cases} cases, intercept only\\)$`));
      assert.deepEqual(tuning.model.weights, defaultAnswerabilityModel.weights, 'the shipped coefficients are kept');
      assert.notEqual(tuning.model.intercept, defaultAnswerabilityModel.intercept);
      assert.ok(Math.abs(tuning.model.intercept) < 50, `intercept ${tuning.model.intercept}`);
    }
  });

  it('stores nothing on a dry run or a refused set', async () => {
    await forget();
    const dry = await tuneAnswerability({ config, kb: 'services', golden: writeSet('dry.jsonl', [...answerable, ...unanswerable]), dryRun: true });
    assert.equal(dry.stored, false);
    assert.equal((await stored()), undefined);
    const tooFew = await expectGroundedError(
      tuneAnswerability({ config, kb: 'services', golden: writeSet('few.jsonl', [...answerable.slice(0, 15), ...unanswerable.slice(0, 4)]) }),
      'INVALID_DATA',
    );
    assert.match(tooFew.message, /19 valid case\(s\); tuning answerability needs at least 20/);
    const oneClass = await expectGroundedError(tuneAnswerability({ config, kb: 'services', golden: writeSet('one.jsonl', answerable) }), 'INVALID_DATA');
    assert.match(oneClass.message, /no unanswerable case/);
    const otherClass = await expectGroundedError(tuneAnswerability({ config, kb: 'services', golden: writeSet('other.jsonl', unanswerable) }), 'INVALID_DATA');
    assert.match(otherClass.message, /no answerable case/);
    assert.equal((await stored()), undefined);
  });

  it('refuses a knowledge base that was never ingested', async () => {
    await expectGroundedError(tuneAnswerability({ config, kb: 'nothing', golden: writeSet('all.jsonl', [...answerable, ...unanswerable]) }), 'KB_NOT_FOUND');
  });
});
