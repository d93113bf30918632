import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { isGroundedError } from '../../core/errors.js';
import { importBeir } from './import-beir.js';
import { resolveEvidence } from './resolve-evidence.js';

const dir = mkdtempSync(join(tmpdir(), 'grounded-beir-import-'));
after(() => rmSync(dir, { recursive: true, force: true }));

it('makes one answerable case per query with a positive judgment, the judged documents as sources', () => {
  mkdirSync(join(dir, 'qrels'));
  writeFileSync(join(dir, 'corpus.jsonl'), '{"_id":"d1","title":"","text":"a"}\n');
  writeFileSync(
    join(dir, 'queries.jsonl'),
    ['{"_id":"q1","text":"first?"}', '{"_id":"q2","text":"second?"}', '{"_id":"q3","text":"only negatives"}', '{"_id":"q9","text":"unjudged"}'].join('\n'),
  );
  writeFileSync(join(dir, 'qrels', 'test.tsv'), 'query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td2\t2\nq2\td3\t1\nq2\td4\t0\nq3\td1\t0\n');
  const { cases, corpusPath } = importBeir(dir, 'test');
  assert.equal(corpusPath, join(dir, 'corpus.jsonl'));
  assert.deepEqual(cases, [
    { id: 'q1', question: 'first?', answers: [], sources: [{ doc: 'd1' }], kind: 'answerable', tags: ['beir'] },
    { id: 'q2', question: 'second?', answers: [], sources: [{ doc: 'd2' }, { doc: 'd3' }], kind: 'answerable', tags: ['beir'] },
  ]);
  assert.throws(() => importBeir(dir, 'dev'), (error) => isGroundedError(error, 'INVALID_DATA'));
});

const scifact = fileURLToPath(new URL('../../../../shared/datasets/beir-scifact', import.meta.url));

it('imports BEIR SciFact test: 300 cases whose sources are all in the corpus', { skip: existsSync(scifact) ? false : `${scifact} not present` }, () => {
  const { cases, corpusPath } = importBeir(scifact, 'test');
  assert.equal(cases.length, 300);
  assert.equal(cases.reduce((sum, golden) => sum + golden.sources.length, 0), 339);
  const texts = new Map<string, string>();
  for (const line of gunzipSync(readFileSync(corpusPath)).toString('utf8').split('\n')) {
    if (line.trim() === '') continue;
    const record = JSON.parse(line) as { _id: string; text: string };
    texts.set(record._id, record.text);
  }
  for (const golden of cases) {
    for (const source of golden.sources) {
      const text = texts.get(source.doc);
      assert.ok(text !== undefined, `${golden.id}: ${source.doc} not in the corpus`);
      assert.deepEqual(resolveEvidence(source, text), { start: 0, end: text.length });
    }
  }
});
