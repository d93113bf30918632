import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { isGroundedError } from '../../core/errors.js';
import { readGoldenSet } from './read-golden-set.js';

const dir = mkdtempSync(join(tmpdir(), 'grounded-golden-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let fileCount = 0;
function goldenFile(lines: readonly (string | object)[]): string {
  const path = join(dir, `golden-${fileCount++}.jsonl`);
  writeFileSync(path, lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n'));
  return path;
}

const good = {
  id: 'q1',
  question: 'How large can a request body get?',
  answers: ['1048576'],
  sources: [{ doc: 'buffering.md', quote: 'Threshold (in bytes)' }],
  kind: 'answerable',
  tags: ['middleware'],
};

describe('readGoldenSet', () => {
  it('reads valid cases in order, with optional fields kept and unknown fields dropped', () => {
    const unanswerable = { id: 'q2', question: 'Who wrote it?', answers: [], sources: [], kind: 'unanswerable', note: 'x' };
    const { cases, problems } = readGoldenSet(goldenFile([good, '', unanswerable]));
    assert.deepEqual(problems, []);
    assert.deepEqual(cases, [good, { id: 'q2', question: 'Who wrote it?', answers: [], sources: [], kind: 'unanswerable' }]);
  });

  it('reports each bad line with its 1-based number and keeps the rest', () => {
    const path = goldenFile([
      good,
      '{"id": "q2", "question": ',
      { ...good, id: 'q3', kind: 'maybe' },
      { ...good, id: 'q4', answers: 'a string' },
      { id: 'q5', answers: [], sources: [], kind: 'unanswerable' },
      { ...good, id: 'q6', sources: [{ quote: 'no doc' }] },
      [1, 2],
      { ...good, id: 'q7' },
    ]);
    const { cases, problems } = readGoldenSet(path);
    assert.deepEqual(cases.map((golden) => golden.id), ['q1', 'q7']);
    assert.deepEqual(problems.map((problem) => problem.line), [2, 3, 4, 5, 6, 7]);
    assert.match(problems[0]!.reason, /^malformed JSON/);
    assert.match(problems[1]!.reason, /^field 'kind'/);
    assert.match(problems[2]!.reason, /^field 'answers'/);
    assert.match(problems[3]!.reason, /^field 'question'/);
    assert.match(problems[4]!.reason, /^field 'sources\[0\]\.doc'/);
  });

  it('drops a later duplicate id and says where the first one is', () => {
    const { cases, problems } = readGoldenSet(goldenFile([{ ...good, id: 'q1' }, { ...good, id: 'q3' }, { ...good, id: 'q3', question: 'Again?' }]));
    assert.deepEqual(problems, [{ line: 3, reason: "duplicate id 'q3' (first at line 2)" }]);
    assert.equal(cases.find((golden) => golden.id === 'q3')?.question, good.question);
  });

  it('enforces the rules between kind, answers and sources', () => {
    const { cases, problems } = readGoldenSet(
      goldenFile([
        good,
        { id: 'u1', question: 'Q?', answers: ['x'], sources: [], kind: 'unanswerable' },
        { id: 'u2', question: 'Q?', answers: [], sources: [{ doc: 'a.md' }], kind: 'unanswerable' },
        { id: 'a1', question: 'Q?', answers: [], sources: [], kind: 'answerable' },
        { id: 'a2', question: 'Q?', answers: [], sources: [{ doc: 'a.md' }], kind: 'answerable' },
        { id: 's1', question: 'Q?', answers: ['x', 'y'], sources: [{ doc: 'a.md' }], kind: 'synthesis' },
        { id: 's2', question: 'Q?', answers: ['x', 'y'], sources: [{ doc: 'a.md' }, { doc: 'b.md' }], kind: 'synthesis' },
      ]),
    );
    assert.deepEqual(cases.map((golden) => golden.id), ['q1', 'a2', 's1', 's2']);
    assert.deepEqual(problems.map((problem) => problem.line), [2, 3, 4, 6]);
    assert.match(problems[0]!.reason, /unanswerable but has 1 answer/);
    assert.match(problems[2]!.reason, /answerable but has no answers and no sources/);
    assert.match(problems[3]!.reason, /synthesis but has 1 source.*\(kept\)$/);
  });

  it('validates check shapes', () => {
    const checks = (list: unknown[]): object => ({ ...good, id: `c${fileCount}-${JSON.stringify(list).length}`, checks: list });
    const { cases, problems } = readGoldenSet(
      goldenFile([
        checks([{ type: 'max_words', value: 80 }, { type: 'regex', value: '^\\d+$' }, { type: 'json_schema', schema: { type: 'object' } }]),
        checks([{ type: 'max_words', value: -1 }]),
        checks([{ type: 'regex', value: '([' }]),
        checks([{ type: 'tone', value: 'polite' }]),
        checks([{ type: 'language' }]),
      ]),
    );
    assert.equal(cases.length, 1);
    assert.deepEqual(cases[0]?.checks, [{ type: 'max_words', value: 80 }, { type: 'regex', value: '^\\d+$' }, { type: 'json_schema', schema: { type: 'object' } }]);
    assert.deepEqual(problems.map((problem) => problem.line), [2, 3, 4, 5]);
    assert.match(problems[1]!.reason, /not a valid regular expression/);
    assert.ok(problems.every((problem) => problem.reason.startsWith("field 'checks[0]")), JSON.stringify(problems));
  });

  it('accepts CRLF line ends, a byte-order mark and gzip', () => {
    const path = join(dir, 'windows.jsonl.gz');
    writeFileSync(path, gzipSync(`\ufeff${JSON.stringify(good)}\r\n${JSON.stringify({ ...good, id: 'q2' })}\r\n`));
    assert.deepEqual(readGoldenSet(path).cases.map((golden) => golden.id), ['q1', 'q2']);
  });

  it('throws PATH_NOT_FOUND for a missing file and INVALID_DATA when no case is valid', () => {
    assert.throws(() => readGoldenSet(join(dir, 'missing.jsonl')), (error) => isGroundedError(error, 'PATH_NOT_FOUND'));
    assert.throws(
      () => readGoldenSet(goldenFile(['not json', { id: 'x' }])),
      (error) => isGroundedError(error, 'INVALID_DATA') && /line 1: malformed JSON/.test(error.message),
    );
    assert.throws(() => readGoldenSet(goldenFile([''])), (error) => isGroundedError(error, 'INVALID_DATA'));
  });
});
