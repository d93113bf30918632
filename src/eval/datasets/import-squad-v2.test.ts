import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { isGroundedError } from '../../core/errors.js';
import { importSquadV2 } from './import-squad-v2.js';
import { resolveEvidence } from './resolve-evidence.js';

const dir = mkdtempSync(join(tmpdir(), 'grounded-squad-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const context = 'The Normans came from Normandy. Rollo led them in 911. They stayed.';
const squad = {
  version: 'v2.0',
  data: [
    {
      title: 'Normans',
      paragraphs: [
        {
          context,
          qas: [
            {
              id: 'a1',
              question: 'When did Rollo lead them? ',
              answers: [
                { text: '911', answer_start: context.indexOf('911') },
                { text: 'in 911', answer_start: context.indexOf('in 911') },
                { text: '911', answer_start: context.indexOf('911') },
              ],
              is_impossible: false,
            },
            { id: 'a2', question: 'Where from?', answers: [{ text: 'Normandy', answer_start: 3 }], is_impossible: false },
            { id: 'u1', question: 'Who led the Vikings in 1066?', answers: [], plausible_answers: [{ text: 'Rollo', answer_start: 32 }], is_impossible: true },
          ],
        },
      ],
    },
    { title: 'AC/DC "Live"', paragraphs: [{ context: 'A band. It plays loud.', qas: [{ id: 'a3', question: 'How?', answers: [{ text: 'loud', answer_start: 17 }, { text: 'band', answer_start: 2 }] }] }] },
  ],
};

describe('importSquadV2', () => {
  it('makes one document per paragraph and one case per question', () => {
    const path = join(dir, 'dev.json');
    writeFileSync(path, JSON.stringify(squad));
    const { corpus, cases } = importSquadV2(path);
    assert.deepEqual(corpus, [
      { _id: 'Normans#0', title: 'Normans', text: context },
      { _id: 'AC_DC_Live_#0', title: 'AC/DC "Live"', text: 'A band. It plays loud.' },
    ]);
    assert.deepEqual(cases[0], {
      id: 'a1',
      question: 'When did Rollo lead them?',
      tags: ['Normans'],
      answers: ['911', 'in 911'],
      sources: [{ doc: 'Normans#0', quote: 'Rollo led them in 911.' }],
      kind: 'answerable',
    });
    // answer_start 3 is wrong for 'Normandy': the nearest real occurrence is used.
    assert.deepEqual(cases[1]?.sources, [{ doc: 'Normans#0', quote: 'The Normans came from Normandy.' }]);
    assert.deepEqual(cases[2], { id: 'u1', question: 'Who led the Vikings in 1066?', tags: ['Normans'], answers: [], sources: [], kind: 'unanswerable' });
    // answers in two sentences: one contiguous quote from the first to the last
    assert.deepEqual(cases[3]?.sources, [{ doc: 'AC_DC_Live_#0', quote: 'A band. It plays loud.' }]);
  });

  it('reads gzip and rejects files that are not SQuAD', () => {
    const gz = join(dir, 'dev.json.gz');
    writeFileSync(gz, gzipSync(JSON.stringify(squad)));
    assert.equal(importSquadV2(gz).cases.length, 4);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ data: [{ title: 'x' }] }));
    assert.throws(() => importSquadV2(bad), (error) => isGroundedError(error, 'INVALID_DATA') && /paragraphs/.test(error.message));
    writeFileSync(bad, '{"data": [');
    assert.throws(() => importSquadV2(bad), (error) => isGroundedError(error, 'INVALID_DATA'));
    assert.throws(() => importSquadV2(join(dir, 'missing.json')), (error) => isGroundedError(error, 'PATH_NOT_FOUND'));
  });
});

const real = fileURLToPath(new URL('../../../../shared/datasets/squad-v2-cs224n-dev/dev-v2.0.json.gz', import.meta.url));

it('imports the CS224n SQuAD v2 dev file: 6,078 cases, 3,168 unanswerable, every quote verbatim', { skip: existsSync(real) ? false : `${real} not present` }, () => {
  const { corpus, cases } = importSquadV2(real);
  assert.equal(corpus.length, 646);
  assert.equal(new Set(corpus.map((doc) => doc._id)).size, 646);
  assert.equal(cases.length, 6078);
  assert.equal(new Set(cases.map((golden) => golden.id)).size, 6078);
  assert.equal(cases.filter((golden) => golden.kind === 'unanswerable').length, 3168);
  const texts = new Map(corpus.map((doc) => [doc._id, doc.text]));
  for (const golden of cases.filter((each) => each.kind === 'answerable')) {
    assert.equal(golden.sources.length, 1, golden.id);
    const source = golden.sources[0]!;
    const text = texts.get(source.doc);
    assert.ok(text !== undefined && source.quote !== undefined, golden.id);
    // Normalization at ingest (NFC) must not move the quote.
    assert.equal(text, text.normalize('NFC'));
    const span = resolveEvidence(source, text);
    assert.ok(span !== undefined, `${golden.id}: quote not in ${source.doc}`);
    assert.equal(text.slice(span.start, span.end), source.quote, `${golden.id}: quote is not verbatim`);
    assert.ok(golden.answers.some((answer) => source.quote!.includes(answer)), `${golden.id}: quote lacks every answer`);
  }
});
