import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { isGroundedError } from '../../core/errors.js';
import type { GoldenCase } from '../../core/golden-case.js';
import { readGoldenSet } from './read-golden-set.js';
import { writeJsonl } from './write-jsonl.js';

const dir = mkdtempSync(join(tmpdir(), 'grounded-jsonl-'));
after(() => rmSync(dir, { recursive: true, force: true }));

it('writes one record per line, creating the folder, and readGoldenSet reads it back unchanged', () => {
  const cases: GoldenCase[] = [
    { id: 'q1', question: 'Line\nbreak "quoted"?', answers: ['a'], sources: [{ doc: 'd#1', quote: 'x' }], kind: 'answerable', tags: ['t'] },
    { id: 'q2', question: 'Nope?', answers: [], sources: [], kind: 'unanswerable' },
  ];
  const path = join(dir, 'nested', 'golden.jsonl');
  writeJsonl(path, cases);
  const text = readFileSync(path, 'utf8');
  assert.equal(text.split('\n').length, 3);
  assert.ok(text.endsWith('}\n'));
  assert.deepEqual(readGoldenSet(path), { cases, problems: [] });
});

it('replaces an existing file and accepts any iterable', () => {
  const path = join(dir, 'corpus.jsonl');
  writeJsonl(path, [{ _id: 'old' }, { _id: 'older' }]);
  writeJsonl(path, new Set([{ _id: 'new', title: '', text: 't' }]));
  assert.equal(readFileSync(path, 'utf8'), '{"_id":"new","title":"","text":"t"}\n');
});

it('throws PATH_NOT_FOUND when the path cannot be written', () => {
  assert.throws(() => writeJsonl(join(dir, 'corpus.jsonl', 'below-a-file.jsonl'), []), (error) => isGroundedError(error, 'PATH_NOT_FOUND'));
});
