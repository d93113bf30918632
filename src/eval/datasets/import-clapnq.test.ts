import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { isGroundedError } from '../../core/errors.js';
import { importClapnq } from './import-clapnq.js';
import { resolveEvidence } from './resolve-evidence.js';

const dir = mkdtempSync(join(tmpdir(), 'grounded-clapnq-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const jsonl = (name: string, records: readonly object[]): string => {
  const path = join(dir, name);
  writeFileSync(path, records.map((record) => JSON.stringify(record)).join('\n') + '\n');
  return path;
};

const passage = { title: 'Forecasting', text: 'One . Two is here . Three . Four . ', sentences: ['One .', 'Two is here .', 'Three .', 'Four .'] };
const meta = { annotator: [1], has_minimal_answer: false, non_consecutive: true, round: 2, skip: false };
const answerable = [
  {
    id: 101,
    input: 'what is two ',
    passages: [passage],
    output: [
      { answer: 'Two is here, says the text.', selected_sentences: ['Two is here .'], meta },
      { answer: 'Two, then four.', selected_sentences: ['Four .', 'Two is here .'], meta },
      { answer: 'Two is here, says the text.', selected_sentences: [], meta },
    ],
  },
  { id: 102, input: 'same passage again', passages: [passage], output: [{ answer: 'One.', selected_sentences: [], meta }] },
  { id: 103, input: 'another article', passages: [{ title: 'Forecasting', text: 'Other text .', sentences: [] }], output: [{ answer: 'x', selected_sentences: ['Other text .'], meta }] },
];
const unanswerable = [{ id: 201, input: 'who is five', passages: [{ title: 'Numbers', text: 'Six . Seven .', sentences: [] }], output: [{ answer: '', selected_sentences: [], meta }] }];

describe('importClapnq', () => {
  it('stores each distinct passage once and quotes the selected sentences as one span', () => {
    const { corpus, cases } = importClapnq(jsonl('a.jsonl', answerable), jsonl('u.jsonl', unanswerable));
    assert.deepEqual(corpus, [
      { _id: 'Forecasting#0', title: 'Forecasting', text: passage.text },
      { _id: 'Forecasting#1', title: 'Forecasting', text: 'Other text .' },
      { _id: 'Numbers#0', title: 'Numbers', text: 'Six . Seven .' },
    ]);
    assert.deepEqual(cases[0], {
      id: '101',
      question: 'what is two',
      answers: [],
      sources: [{ doc: 'Forecasting#0', quote: 'Two is here . Three . Four .' }],
      kind: 'answerable',
      tags: ['clapnq'],
    });
    assert.deepEqual(cases[1]?.sources, [{ doc: 'Forecasting#0' }]);
    assert.deepEqual(cases[2]?.sources, [{ doc: 'Forecasting#1', quote: 'Other text .' }]);
    assert.deepEqual(cases[3], { id: '201', question: 'who is five', answers: [], sources: [], kind: 'unanswerable', tags: ['clapnq'] });
  });

  it('keeps the unique long-form answers and tags them when asked', () => {
    const { cases } = importClapnq(jsonl('a.jsonl', answerable), jsonl('u.jsonl', unanswerable), { longAnswers: true });
    assert.deepEqual(cases[0]?.answers, ['Two is here, says the text.', 'Two, then four.']);
    assert.deepEqual(cases[0]?.tags, ['clapnq', 'long-form']);
    assert.deepEqual(cases[3]?.answers, []);
  });

  it('names the bad line of a malformed file', () => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, `${JSON.stringify(answerable[0])}\n{"id": 1, "input": "q", "passages": [], "output": []}\n`);
    assert.throws(() => importClapnq(bad, jsonl('u.jsonl', unanswerable)), (error) => isGroundedError(error, 'INVALID_DATA') && error.message.includes(':2: '));
    assert.throws(() => importClapnq(join(dir, 'missing.jsonl'), bad), (error) => isGroundedError(error, 'PATH_NOT_FOUND'));
  });
});

const realDir = fileURLToPath(new URL('../../../../shared/datasets/clapnq-dev', import.meta.url));
const realAnswerable = join(realDir, 'clapnq_dev_answerable.jsonl');
const realUnanswerable = join(realDir, 'clapnq_dev_unanswerable.jsonl');

it('imports the ClapNQ dev set: 600 cases, 300 unanswerable, every quote verbatim', { skip: existsSync(realAnswerable) && existsSync(realUnanswerable) ? false : `${realDir} not present` }, () => {
  const { corpus, cases } = importClapnq(realAnswerable, realUnanswerable);
  assert.equal(cases.length, 600);
  assert.equal(new Set(cases.map((golden) => golden.id)).size, 600);
  assert.equal(cases.filter((golden) => golden.kind === 'unanswerable').length, 300);
  // 300 + 300 passages, 3 of the answerable ones repeated
  assert.equal(corpus.length, 597);
  assert.equal(new Set(corpus.map((doc) => doc._id)).size, 597);
  const texts = new Map(corpus.map((doc) => [doc._id, doc.text]));
  let quoted = 0;
  for (const golden of cases.filter((each) => each.kind === 'answerable')) {
    const [source] = golden.sources;
    const text = source === undefined ? undefined : texts.get(source.doc);
    assert.ok(source !== undefined && text !== undefined, golden.id);
    assert.equal(text, text.normalize('NFC'));
    if (source.quote === undefined) continue;
    quoted += 1;
    const span = resolveEvidence(source, text);
    assert.ok(span !== undefined && text.slice(span.start, span.end) === source.quote, `${golden.id}: quote not verbatim in ${source.doc}`);
  }
  assert.ok(quoted >= 299, `only ${quoted} answerable cases have a quote`);
});
