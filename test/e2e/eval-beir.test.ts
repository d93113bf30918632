import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseJson, runGrounded, temporaryFolder } from '../support/run-grounded.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const scifact = resolve(repo, '..', 'shared', 'datasets', 'beir-scifact');

interface BeirJson {
  dataset: string;
  split: string;
  queries: number;
  docs: number;
  ndcgAt10: number;
  mrrAt10: number;
  recallAt10: number;
  recallAt100: number;
  indexMs: number;
  queryP50Ms: number;
  queryP95Ms: number;
}

describe('grounded eval beir', () => {
  const folder = temporaryFolder('beir');
  after(() => folder.remove());

  it('reaches Lucene BM25 quality on SciFact (test split)', { skip: existsSync(scifact) ? false : `${scifact} is not present` }, async () => {
    const result = await runGrounded(['eval', 'beir', scifact, '--json'], { cwd: folder.path });
    assert.equal(result.code, 0, result.stderr);
    const report = parseJson<BeirJson>(result);
    assert.equal(report.dataset, 'beir-scifact');
    assert.equal(report.split, 'test');
    assert.equal(report.queries, 300);
    assert.equal(report.docs, 5183);
    // Published BM25: multifield 0.665, flat 0.679; recall@100 0.925.
    assert.ok(report.ndcgAt10 >= 0.665, `nDCG@10 ${report.ndcgAt10}`);
    assert.ok(report.recallAt100 >= 0.9, `recall@100 ${report.recallAt100}`);
    assert.ok(report.mrrAt10 > 0 && report.mrrAt10 <= 1 && report.recallAt10 <= report.recallAt100);
  });

  it('scores a tiny hand-made BEIR folder exactly', async () => {
    const dir = join(folder.path, 'tiny');
    mkdirSync(join(dir, 'qrels'), { recursive: true });
    writeFileSync(
      join(dir, 'corpus.jsonl'),
      [
        { _id: 'd1', title: 'Aspirin', text: 'Aspirin reduces fever and pain.' },
        { _id: 'd2', title: 'Ibuprofen', text: 'Ibuprofen reduces inflammation.' },
        { _id: 'd3', title: 'Weather', text: 'Rain is expected tomorrow.' },
      ]
        .map((record) => JSON.stringify(record))
        .join('\n'),
    );
    writeFileSync(
      join(dir, 'queries.jsonl'),
      ['{"_id": "q1", "text": "aspirin fever"}', '{"_id": "q2", "text": "rain tomorrow"}', '{"_id": "q3", "text": "unjudged"}'].join('\n'),
    );
    writeFileSync(join(dir, 'qrels', 'test.tsv'), 'query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td2\t1\n');
    const report = parseJson<BeirJson>(await runGrounded(['eval', 'beir', dir, '--json'], { cwd: folder.path }));
    assert.equal(report.queries, 2);
    assert.equal(report.docs, 3);
    // q1 finds d1 first (1.0); q2's judged d2 shares no term with "rain tomorrow" (0).
    assert.equal(report.ndcgAt10, 0.5);
    assert.equal(report.recallAt100, 0.5);
  });

  it('rejects a folder that is not a BEIR dataset with exit 1 and what is missing', async () => {
    const result = await runGrounded(['eval', 'beir', folder.path], { cwd: folder.path });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /not a BEIR folder: corpus\.jsonl or corpus\.jsonl\.gz is missing/);
  });
});
