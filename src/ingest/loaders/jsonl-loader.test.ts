import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { createJsonlLoader } from './jsonl-loader.js';
import { isGroundedError } from '../../core/errors.js';

const input = (text: string, relativePath = 'corpus.jsonl') => ({ relativePath, bytes: new TextEncoder().encode(text) });
const lines = (...records: unknown[]): string => records.map((record) => (typeof record === 'string' ? record : JSON.stringify(record))).join('\n');

test('loads BEIR corpus records with no options', async () => {
  const source = lines(
    { _id: '4983', title: 'Microstructural development', text: 'Alterations of the architecture\r\nof white matter.', metadata: {} },
    { _id: 5836, title: '', text: 'Cafe\u0301 text' },
  );
  const { documents, problems } = await createJsonlLoader().load(input(source));
  assert.deepEqual(problems, []);
  assert.deepEqual(documents, [
    {
      key: '4983',
      title: 'Microstructural development',
      text: 'Alterations of the architecture\nof white matter.',
      headings: [],
      metadata: { metadata: {} },
    },
    { key: '5836', title: '', text: 'Café text', headings: [], metadata: {} },
  ]);
});

test('takes the first present default id and text fields, the rest is metadata', async () => {
  const source = lines(
    { id: 'a', doc_id: 'ignored', contents: 'from contents', body: 'not used', lang: 'en' },
    { docid: 'b', body: 'from body' },
  );
  const { documents } = await createJsonlLoader().load(input(source));
  assert.deepEqual(
    documents.map((document) => [document.key, document.text, document.metadata]),
    [
      ['a', 'from contents', { doc_id: 'ignored', body: 'not used', lang: 'en' }],
      ['b', 'from body', {}],
    ],
  );
});

test('custom fields: id, title, joined text fields and chosen metadata', async () => {
  const loader = createJsonlLoader({ idField: 'qid', titleField: 'name', textFields: ['question', 'answer'], metadataFields: ['tags'] });
  const source = lines({ qid: 7, name: 'Reset', question: 'How do I reset?', answer: 'Hold the button.', tags: ['hw'], other: 1 });
  assert.deepEqual((await createJsonlLoader().load(input(source))).problems.length, 1); // no default text field there
  assert.deepEqual((await loader.load(input(source))).documents, [
    { key: '7', title: 'Reset', text: 'How do I reset?\n\nHold the button.', headings: [], metadata: { tags: ['hw'] } },
  ]);
});

test('reads own fields only and keeps odd field names as plain metadata keys', async () => {
  const source = '{"_id": "p", "text": "t", "__proto__": {"polluted": true}, "constructor": 1}';
  const [document] = (await createJsonlLoader({ titleField: 'toString' }).load(input(source))).documents;
  assert.ok(document);
  assert.equal(document.title, '');
  assert.deepEqual(Object.keys(document.metadata), ['__proto__', 'constructor']);
  assert.equal((document.metadata as { polluted?: boolean }).polluted, undefined);
  assert.deepEqual(JSON.parse(JSON.stringify(document.metadata)), JSON.parse('{"__proto__": {"polluted": true}, "constructor": 1}'));
});

test('a record without an id is keyed by path and line', async () => {
  const source = lines({ text: 'first' }, '', { id: '', text: 'third' });
  const { documents } = await createJsonlLoader().load(input(source, 'data/notes.ndjson'));
  assert.deepEqual(documents.map((document) => document.key), ['data/notes.ndjson#L1', 'data/notes.ndjson#L3']);
});

test('reports bad lines with their 1-based line number and loads the rest', async () => {
  const source = lines(
    { _id: 'ok1', text: 'one' },
    '{"_id": "broken", "text": ',
    '   ',
    '[1, 2]',
    '"just a string"',
    { _id: 'no-text', title: 'T' },
    { _id: 'blank', text: ' \n\t ' },
    { _id: 'ok1', text: 'duplicate' },
    { _id: { nested: true }, text: 'bad id' },
    { _id: 'num-text', text: 42 },
    { _id: 'ok2', text: 'two' },
  );
  const { documents, problems } = await createJsonlLoader().load(input(`${source}\n\n`));
  assert.deepEqual(documents.map((document) => [document.key, document.text]), [
    ['ok1', 'one'],
    ['ok2', 'two'],
  ]);
  assert.deepEqual(
    problems.map((problem) => problem.line),
    [2, 4, 5, 6, 7, 8, 9, 10],
  );
  const reasons = problems.map((problem) => problem.reason);
  assert.match(reasons[0] ?? '', /^malformed JSON: /);
  assert.equal(reasons[1], 'record is an array, not an object');
  assert.equal(reasons[2], 'record is a string, not an object');
  assert.equal(reasons[3], 'no text field (looked for text, contents, content, body)');
  assert.equal(reasons[4], "empty text field 'text'");
  assert.equal(reasons[5], "duplicate id 'ok1' (first at line 1)");
  assert.equal(reasons[6], "id field '_id' is an object, not a string or number");
  assert.equal(reasons[7], "text field 'text' is a number, not a string");
});

test('rejects with INVALID_DATA for a wholly empty or binary file', async () => {
  for (const bytes of [new Uint8Array(), new TextEncoder().encode('\n\n  \n'), new Uint8Array([0x7b, 0x00, 0x7d])]) {
    await assert.rejects(() => createJsonlLoader().load({ relativePath: 'c.jsonl', bytes }), (error) => isGroundedError(error, 'INVALID_DATA'));
  }
});

const scifact = fileURLToPath(new URL('../../../../shared/datasets/beir-scifact/corpus.jsonl.gz', import.meta.url));
test('loads the SciFact corpus (5,183 records) in well under a second', { skip: existsSync(scifact) ? false : `${scifact} not present` }, async () => {
  const bytes = gunzipSync(readFileSync(scifact));
  const started = performance.now();
  const { documents, problems } = await createJsonlLoader().load({ relativePath: 'corpus.jsonl.gz', bytes });
  const elapsed = performance.now() - started;
  assert.equal(documents.length, 5183);
  assert.deepEqual(problems, []);
  assert.ok(elapsed < 1000, `took ${elapsed.toFixed(0)} ms`);
});

test('skips a record over maxRecordBytes without parsing it, and loads the records around it', async () => {
  const huge = JSON.stringify({ _id: 'huge', text: 'x'.repeat(5000) });
  const source = lines({ _id: 'before', text: 'one' }, huge, { _id: 'after', text: 'two' });
  const { documents, problems } = await createJsonlLoader({ maxRecordBytes: 4096 }).load(input(source));
  assert.deepEqual(documents.map((document) => document.key), ['before', 'after']);
  assert.equal(problems.length, 1);
  assert.equal(problems[0]?.line, 2);
  assert.match(problems[0]?.reason ?? '', /^record is 0\.0 MiB, over the 0\.0 MiB limit for one document; raise ingest\.maxFileBytes/);
  // Exactly at the limit is still read.
  const exact = await createJsonlLoader({ maxRecordBytes: Buffer.byteLength(huge) }).load(input(huge));
  assert.deepEqual(exact.documents.map((document) => document.key), ['huge']);
});

test('a line that is not UTF-8 is one bad record, not a bad file', async () => {
  const good = new TextEncoder().encode(lines({ _id: 'a', text: 'Grüße' }, ''));
  const bad = new Uint8Array([...new TextEncoder().encode('{"_id": "b", "text": "caf'), 0xe9, ...new TextEncoder().encode('"}\n')]);
  const last = new TextEncoder().encode(JSON.stringify({ _id: 'c', text: 'three' }));
  const { documents, problems } = await createJsonlLoader().load({ relativePath: 'c.jsonl', bytes: new Uint8Array([...good, ...bad, ...last]) });
  assert.deepEqual(documents.map((document) => [document.key, document.text]), [
    ['a', 'Grüße'],
    ['c', 'three'],
  ]);
  assert.deepEqual(problems, [{ line: 2, reason: 'invalid UTF-8 on this line; save the file as UTF-8' }]);
});

test('reads UTF-8 with a byte order mark, CRLF line ends and UTF-16 files', async () => {
  const text = `${JSON.stringify({ _id: 'a', text: 'één' })}\r\n${JSON.stringify({ _id: 'b', text: 'twee' })}\r\n`;
  const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  for (const bytes of [withBom, utf16]) {
    const { documents, problems } = await createJsonlLoader().load({ relativePath: 'c.jsonl', bytes });
    assert.deepEqual(problems, []);
    assert.deepEqual(documents.map((document) => [document.key, document.text]), [
      ['a', 'één'],
      ['b', 'twee'],
    ]);
  }
});

test('a record whose metadata is nested thousands deep is one bad record', async () => {
  const deep = `{"_id": "deep", "text": "t", "m": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
  const { documents, problems } = await createJsonlLoader().load(input(lines(deep, { _id: 'fine', text: 'ok', m: [[1]] })));
  assert.deepEqual(documents.map((document) => [document.key, document.metadata]), [['fine', { m: [[1]] }]]);
  assert.deepEqual(problems, [{ line: 1, reason: 'metadata is nested deeper than 64 levels' }]);
});
