import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import type { Chunk } from '../../../core/document.js';
import { isGroundedError } from '../../../core/errors.js';
import type { FieldTerms } from '../../../core/lexical-index.js';
import type { ChunkToStore, DocumentToStore, IndexRow, SourceRecord, SourceUpsert, Store } from '../../../core/store.js';
import { countTerms } from '../../lexical/count-terms.js';
import { createAnalyzer } from '../../lexical/create-analyzer.js';
import { createSqliteStore } from './create-sqlite-store.js';

const analyzer = createAnalyzer();
const root = '/srv/docs';

/** A document split into chunks at blank lines, each chunk under the given heading path. */
function documentToStore(
  key: string,
  title: string,
  paragraphs: readonly string[],
  headingPaths: readonly (readonly string[])[] = [],
): DocumentToStore {
  const text = paragraphs.join('\n\n');
  let start = 0;
  const chunks: ChunkToStore[] = paragraphs.map((paragraph, ordinal) => {
    const chunkStart = text.indexOf(paragraph, start);
    start = chunkStart + paragraph.length;
    const headingPath = headingPaths[ordinal] ?? [];
    const chunk: Chunk = {
      id: `${key}#${ordinal}`,
      doc: key,
      title,
      ordinal,
      start: chunkStart,
      end: chunkStart + paragraph.length,
      text: paragraph,
      headingPath,
      tokens: analyzer.terms(paragraph).length,
    };
    return {
      chunk,
      body: countTerms(analyzer.terms(paragraph)),
      title: countTerms(analyzer.terms(`${title}\n${headingPath.join('\n')}`)),
    };
  });
  return { document: { key, title, text, headings: [], metadata: { source: key, tags: ['a', 'b'] } }, chunks };
}

function source(path: string, hash = `hash-of-${path}`): SourceRecord {
  return { root, path, hash, size: hash.length, fingerprint: 'std1+chunk:300' };
}

function upsert(path: string, ...documents: DocumentToStore[]): SourceUpsert {
  return { source: source(path), documents };
}

const guide = documentToStore(
  'guide.md',
  'Guide',
  ['Install the binary first.', 'Then run the server with --port 8080.', 'Logs go to stderr by default.'],
  [['Guide'], ['Guide', 'Running'], ['Guide', 'Running', 'Logs']],
);
const faq = documentToStore('faq.md', 'FAQ', ['Why is it slow? Check the cache size.']);
const recordOne = documentToStore('records/1', 'Record one', ['Compression uses gzip.']);
const recordTwo = documentToStore('records/2', 'Record two', ['Routers match on host.', 'Rules can be combined.']);

function rowsOf(store: Store, kb: string): IndexRow[] {
  return store.indexRows(kb).rows;
}

/** Every observable fact about a knowledge base, for before/after comparisons. */
function snapshot(store: Store, kb: string, keys: readonly string[]) {
  const { generation, rows } = store.indexRows(kb);
  return {
    generation,
    counts: store.counts(kb),
    sources: store.listSources(kb),
    rows: rows.map((row) => ({ row: row.row, body: [...row.body.terms], title: [...row.title.terms] })),
    chunks: [...store.chunksByRow(kb, rows.map((row) => row.row))],
    documents: keys.map((key) => store.getDocument(kb, key)),
  };
}

function termsOf(field: FieldTerms): [string, number][] {
  return [...field.terms].sort(([left], [right]) => left.localeCompare(right));
}

/** The schema version recorded in a store file, read without opening it as a store. */
function storedVersion(file: string): unknown {
  const check = new Database(file, { readonly: true });
  try {
    return check.prepare('SELECT value FROM meta WHERE key = ?').get('schemaVersion');
  } finally {
    check.close();
  }
}

/** How many tuned model rows the file holds, over all knowledge bases (read beside the open store, as WAL allows). */
function countTunedModels(file: string): number {
  const check = new Database(file, { readonly: true });
  try {
    return (check.prepare('SELECT COUNT(*) AS n FROM tuned_models').get() as { n: number }).n;
  } finally {
    check.close();
  }
}

describe('createSqliteStore', () => {
  let dir: string;
  let file: string;
  let store: Store;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'grounded-store-'));
    file = join(dir, 'nested', 'grounded.db');
    store = createSqliteStore(file);
  });

  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes sources, documents and chunks, and reads them back', () => {
    store.ensureKnowledgeBase('docs');
    store.applyBatch('docs', {
      upserts: [upsert('guide.md', guide), upsert('records.jsonl', recordOne, recordTwo)],
      removals: [],
    });

    assert.deepEqual(store.counts('docs'), { documents: 3, chunks: 6 });
    assert.deepEqual(store.listSources('docs'), [source('guide.md'), source('records.jsonl')]);
    assert.deepEqual(store.findDocumentOwner('docs', 'records/2'), { root, path: 'records.jsonl' });
    assert.equal(store.findDocumentOwner('docs', 'missing.md'), undefined);

    const rows = rowsOf(store, 'docs');
    assert.equal(rows.length, 6);
    assert.equal(new Set(rows.map((row) => row.row)).size, 6);
    const chunks = store.chunksByRow('docs', rows.map((row) => row.row));
    assert.equal(chunks.size, 6);
    const written = new Map(
      [guide, recordOne, recordTwo].flatMap((entry) => entry.chunks).map((entry) => [entry.chunk.id, entry]),
    );
    for (const row of rows) {
      const chunk = chunks.get(row.row);
      assert.ok(chunk !== undefined);
      assert.equal(chunk.id, `${chunk.doc}#${chunk.ordinal}`);
      const original = written.get(chunk.id);
      assert.ok(original !== undefined, `unexpected chunk ${chunk.id}`);
      assert.deepEqual(chunk, original.chunk);
      // The index row and the chunk row describe the same chunk.
      assert.deepEqual(termsOf(row.body), termsOf(original.body));
      assert.equal(row.body.length, original.body.length);
      assert.deepEqual(termsOf(row.title), termsOf(original.title));
      assert.equal(row.title.length, original.title.length);
    }
    assert.deepEqual(chunks.get(rows[2]?.row ?? -1)?.headingPath, ['Guide', 'Running', 'Logs']);

    const document = store.getDocument('docs', 'records/2');
    assert.deepEqual(document, {
      key: 'records/2',
      title: 'Record two',
      text: recordTwo.document.text,
      metadata: { source: 'records/2', tags: ['a', 'b'] },
    });
    for (const chunk of chunks.values()) {
      assert.equal(store.getDocument('docs', chunk.doc)?.text.slice(chunk.start, chunk.end), chunk.text);
    }
    assert.equal(store.getDocument('docs', 'missing.md'), undefined);
  });

  it('round-trips field terms that hold spaces, backslashes, newlines and empty strings', () => {
    const odd: FieldTerms = { terms: new Map([['a b', 2], ['back\\slash', 1], ['line\nbreak', 3], ['', 1]]), length: 9 };
    const [first] = faq.chunks;
    assert.ok(first !== undefined);
    store.ensureKnowledgeBase('docs');
    store.applyBatch('docs', {
      upserts: [{ source: source('faq.md'), documents: [{ ...faq, chunks: [{ ...first, body: odd, title: odd }] }] }],
      removals: [],
    });
    const [row] = rowsOf(store, 'docs');
    assert.ok(row !== undefined);
    assert.deepEqual(termsOf(row.body), termsOf(odd));
    assert.equal(row.body.length, 9);
    assert.deepEqual(termsOf(row.title), termsOf(odd));
  });

  it('rolls back a batch that fails part-way', () => {
    store.ensureKnowledgeBase('docs');
    store.applyBatch('docs', { upserts: [upsert('guide.md', guide), upsert('faq.md', faq)], removals: [] });
    const keys = ['guide.md', 'faq.md', 'records/1'];
    const before = snapshot(store, 'docs', keys);

    // The removal and the first upsert succeed; the second upsert claims `guide.md`, owned by another source.
    const stolen = documentToStore('guide.md', 'Stolen', ['Not the real guide.']);
    assert.throws(() =>
      store.applyBatch('docs', {
        upserts: [upsert('records.jsonl', recordOne), upsert('other/guide.md', stolen)],
        removals: [{ root, path: 'faq.md' }],
      }),
    );

    assert.deepEqual(snapshot(store, 'docs', keys), before);
    assert.equal(store.findDocumentOwner('docs', 'records/1'), undefined);
    assert.deepEqual(store.findDocumentOwner('docs', 'guide.md'), { root, path: 'guide.md' });
  });

  it('replaces a re-upserted source without leftovers, and removes a source with its chunks', () => {
    store.ensureKnowledgeBase('docs');
    store.applyBatch('docs', {
      upserts: [upsert('records.jsonl', recordOne, recordTwo), upsert('guide.md', guide)],
      removals: [],
    });
    const oldRows = rowsOf(store, 'docs').map((row) => row.row);
    const oldRecordRows = [...store.chunksByRow('docs', oldRows)]
      .filter(([, chunk]) => chunk.doc.startsWith('records/'))
      .map(([row]) => row);
    assert.equal(oldRecordRows.length, 3);

    const recordOneAgain = documentToStore('records/1', 'Record one, edited', ['Compression uses brotli now.']);
    store.applyBatch('docs', {
      upserts: [{ source: source('records.jsonl', 'new-hash'), documents: [recordOneAgain] }],
      removals: [],
    });
    assert.deepEqual(store.counts('docs'), { documents: 2, chunks: 4 });
    assert.equal(store.getDocument('docs', 'records/2'), undefined);
    assert.equal(store.getDocument('docs', 'records/1')?.title, 'Record one, edited');
    assert.equal(store.chunksByRow('docs', oldRecordRows).size, 0);
    assert.deepEqual(
      [...store.chunksByRow('docs', rowsOf(store, 'docs').map((row) => row.row)).values()].map((chunk) => chunk.id).sort(),
      ['guide.md#0', 'guide.md#1', 'guide.md#2', 'records/1#0'],
    );
    assert.deepEqual(
      store.listSources('docs').map((entry) => [entry.path, entry.hash]),
      [
        ['guide.md', 'hash-of-guide.md'],
        ['records.jsonl', 'new-hash'],
      ],
    );

    store.applyBatch('docs', { upserts: [], removals: [{ root, path: 'guide.md' }] });
    assert.deepEqual(store.counts('docs'), { documents: 1, chunks: 1 });
    assert.equal(store.getDocument('docs', 'guide.md'), undefined);
    assert.equal(store.findDocumentOwner('docs', 'guide.md'), undefined);
    assert.deepEqual(store.listSources('docs').map((entry) => entry.path), ['records.jsonl']);
    const remaining = rowsOf(store, 'docs');
    const remainingChunks = store.chunksByRow('docs', remaining.map((row) => row.row));
    assert.deepEqual([...remainingChunks.values()].map((chunk) => chunk.id), ['records/1#0']);
  });

  it('keeps knowledge bases in one file apart', () => {
    store.ensureKnowledgeBase('alpha');
    store.ensureKnowledgeBase('beta');
    const betaGuide = documentToStore('guide.md', 'Beta guide', ['Beta has its own guide.']);
    store.applyBatch('alpha', { upserts: [upsert('guide.md', guide), upsert('faq.md', faq)], removals: [] });
    store.applyBatch('beta', { upserts: [upsert('guide.md', betaGuide)], removals: [] });

    assert.deepEqual(store.listKnowledgeBases(), ['alpha', 'beta']);
    assert.deepEqual(store.counts('alpha'), { documents: 2, chunks: 4 });
    assert.deepEqual(store.counts('beta'), { documents: 1, chunks: 1 });
    assert.deepEqual(store.listSources('beta').map((entry) => entry.path), ['guide.md']);
    assert.equal(store.getDocument('beta', 'guide.md')?.title, 'Beta guide');
    assert.equal(store.getDocument('alpha', 'guide.md')?.title, 'Guide');
    assert.equal(store.getDocument('beta', 'faq.md'), undefined);
    assert.equal(store.findDocumentOwner('beta', 'faq.md'), undefined);

    const alphaRows = rowsOf(store, 'alpha').map((row) => row.row);
    const betaRows = rowsOf(store, 'beta').map((row) => row.row);
    assert.equal(alphaRows.length, 4);
    assert.equal(betaRows.length, 1);
    assert.deepEqual(alphaRows.filter((row) => betaRows.includes(row)), []);
    assert.equal(store.chunksByRow('alpha', betaRows).size, 0);
    assert.equal(store.chunksByRow('beta', alphaRows).size, 0);
    assert.equal(store.chunksByRow('beta', betaRows).get(betaRows[0] ?? -1)?.text, 'Beta has its own guide.');

    // Removing a path in one knowledge base leaves the same path in the other alone.
    store.applyBatch('beta', { upserts: [], removals: [{ root, path: 'guide.md' }, { root, path: 'faq.md' }] });
    assert.deepEqual(store.counts('beta'), { documents: 0, chunks: 0 });
    assert.deepEqual(store.counts('alpha'), { documents: 2, chunks: 4 });
  });

  it('bumps the generation on every batch that changes something, and keeps only current index snapshots', () => {
    store.ensureKnowledgeBase('docs');
    store.ensureKnowledgeBase('other');
    const start = store.indexRows('docs').generation;
    store.applyBatch('docs', { upserts: [], removals: [] });
    assert.equal(store.indexRows('docs').generation, start);
    store.applyBatch('docs', { upserts: [upsert('faq.md', faq)], removals: [] });
    const afterUpsert = store.indexRows('docs').generation;
    assert.ok(afterUpsert > start);
    assert.equal(store.indexRows('other').generation, start);

    const bytes = new Uint8Array([1, 2, 3, 250]);
    store.putIndexSnapshot('docs', 'bm25:k1=0.9', afterUpsert, bytes);
    assert.deepEqual([...(store.getIndexSnapshot('docs', 'bm25:k1=0.9') ?? [])], [1, 2, 3, 250]);
    assert.equal(store.getIndexSnapshot('docs', 'bm25:k1=1.2'), undefined);
    assert.equal(store.getIndexSnapshot('other', 'bm25:k1=0.9'), undefined);

    store.applyBatch('docs', { upserts: [], removals: [{ root, path: 'faq.md' }] });
    const afterRemoval = store.indexRows('docs').generation;
    assert.ok(afterRemoval > afterUpsert);
    assert.equal(store.getIndexSnapshot('docs', 'bm25:k1=0.9'), undefined, 'a snapshot of an older generation is stale');
    // A snapshot built from an older generation is never stored.
    store.putIndexSnapshot('docs', 'bm25:k1=0.9', afterUpsert, bytes);
    assert.equal(store.getIndexSnapshot('docs', 'bm25:k1=0.9'), undefined);
  });

  it('throws KB_NOT_FOUND with a hint for an unknown knowledge base', () => {
    const id = store.ensureKnowledgeBase('docs');
    assert.equal(store.ensureKnowledgeBase('docs'), id);
    assert.equal(store.requireKnowledgeBase('docs'), id);
    for (const call of [
      () => store.requireKnowledgeBase('nope'),
      () => store.counts('nope'),
      () => store.applyBatch('nope', { upserts: [upsert('faq.md', faq)], removals: [] }),
    ]) {
      assert.throws(call, (error: unknown) => {
        assert.ok(isGroundedError(error, 'KB_NOT_FOUND'), String(error));
        assert.match(error.message, /'nope'/);
        assert.ok(error.hint !== undefined && error.hint.length > 0);
        assert.deepEqual(error.details['available'], ['docs']);
        return true;
      });
    }
    assert.deepEqual(store.listKnowledgeBases(), ['docs']);
  });

  it('reopens from the same file with its data intact', () => {
    store.ensureKnowledgeBase('docs');
    store.applyBatch('docs', { upserts: [upsert('guide.md', guide), upsert('faq.md', faq)], removals: [] });
    const keys = ['guide.md', 'faq.md'];
    const before = snapshot(store, 'docs', keys);
    store.close();
    store = createSqliteStore(file);
    assert.deepEqual(store.listKnowledgeBases(), ['docs']);
    assert.deepEqual(snapshot(store, 'docs', keys), before);
  });

  it('refuses a file with a different schema version', () => {
    store.close();
    const raw = new Database(file);
    raw.prepare('UPDATE meta SET value = ? WHERE key = ?').run('99', 'schemaVersion');
    raw.close();
    assert.throws(
      () => {
        store = createSqliteStore(file);
      },
      (error: unknown) => isGroundedError(error, 'STORE_CORRUPT') && error.hint !== undefined,
    );
    // The refused file stays usable by the version that wrote it: its data is still there.
    const check = new Database(file, { readonly: true });
    assert.deepEqual(check.prepare('SELECT value FROM meta WHERE key = ?').get('schemaVersion'), { value: '99' });
    check.close();
    store = createSqliteStore(join(dir, 'other.db'));
  });

  it(
    'does not write to a file it refuses',
    
    () => {
      const futureFile = join(dir, 'future.db');
      const raw = new Database(futureFile);
      raw.exec('CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
      raw.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('schemaVersion', '99');
      raw.close();
      assert.throws(() => createSqliteStore(futureFile), (error: unknown) => isGroundedError(error, 'STORE_CORRUPT'));
      const check = new Database(futureFile, { readonly: true });
      const tables = check.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all();
      check.close();
      assert.deepEqual(tables, [{ name: 'meta' }]);
    },
  );

  it('caches one vector per distinct text and model, shared across knowledge bases, and prunes orphans', () => {
    const twin = documentToStore('twin.md', 'FAQ', ['Why is it slow? Check the cache size.']);
    store.ensureKnowledgeBase('docs');
    store.applyBatch('docs', { upserts: [upsert('guide.md', guide), upsert('faq.md', faq), upsert('twin.md', twin)], removals: [] });
    // faq.md and twin.md have the same title and text: one text to embed for the two chunks.
    const texts = store.textsToEmbed('docs', 'model-a');
    assert.equal(texts.length, 4);
    assert.equal(new Set(texts.map((text) => text.hash)).size, 4);
    const logs = texts.find((text) => text.text.includes('Logs go to stderr'));
    // The embedding text carries the title and headings below a repeated top heading.
    assert.equal(logs?.text, 'Guide\nRunning\nLogs\nLogs go to stderr by default.');
    const vectorOf = (hash: string): Float32Array => new Float32Array([hash.charCodeAt(0), hash.charCodeAt(1), 0.5]);
    store.putEmbeddings('model-a', texts.slice(0, 2).map(({ hash }) => ({ hash, vector: vectorOf(hash) })));
    assert.deepEqual(store.embeddingCoverage('docs', 'model-a'), { chunks: 5, embedded: texts.slice(0, 2).length });
    assert.deepEqual(store.textsToEmbed('docs', 'model-a').map((text) => text.hash), texts.slice(2).map((text) => text.hash));
    // Another model starts from nothing.
    assert.equal(store.textsToEmbed('docs', 'model-b').length, 4);
    store.putEmbeddings('model-a', texts.slice(2).map(({ hash }) => ({ hash, vector: vectorOf(hash) })));
    const all = store.chunkVectors('docs', 'model-a');
    assert.equal(all.rows.length, 5);
    assert.equal(all.generation, store.generation('docs'));
    const byHash = new Map(texts.map((text) => [text.hash, vectorOf(text.hash)]));
    const faqRows = store.indexRows('docs').rows.map((row) => row.row).slice(3);
    const twins = store.chunkVectors('docs', 'model-a', faqRows);
    assert.deepEqual(twins.vectors[0], twins.vectors[1]);
    assert.ok([...byHash.values()].some((vector) => vector.every((value, at) => value === twins.vectors[0]?.[at])));
    // A second knowledge base with the same text reuses the cached vector.
    store.ensureKnowledgeBase('other');
    store.applyBatch('other', { upserts: [upsert('faq.md', faq)], removals: [] });
    assert.deepEqual(store.textsToEmbed('other', 'model-a'), []);
    assert.deepEqual(store.embeddingCoverage('other', 'model-a'), { chunks: 1, embedded: 1 });
    // Removing the guide orphans its three texts; the FAQ text is still used.
    store.applyBatch('docs', { upserts: [], removals: [{ root, path: 'guide.md' }] });
    assert.equal(store.pruneEmbeddings(), 3);
    assert.equal(store.chunkVectors('docs', 'model-a').rows.length, 2);
  });

  it('lists each document with its metadata and chunk rows', () => {
    store.ensureKnowledgeBase('docs');
    store.applyBatch('docs', { upserts: [upsert('guide.md', guide), upsert('faq.md', faq)], removals: [] });
    const { generation, documents } = store.documentRows('docs');
    assert.equal(generation, store.generation('docs'));
    const rows = store.indexRows('docs').rows.map((row) => row.row);
    assert.deepEqual(
      documents.map((document) => [document.key, document.rows.length, document.metadata['tags']]).sort(),
      [['faq.md', 1, ['a', 'b']], ['guide.md', 3, ['a', 'b']]],
    );
    assert.deepEqual(documents.flatMap((document) => document.rows).sort((a, b) => a - b), rows);
  });

  it('migrates a version 2 store in place: data kept, hashes computed on first use', () => {
    store.ensureKnowledgeBase('docs');
    store.applyBatch('docs', { upserts: [upsert('guide.md', guide)], removals: [] });
    const expected = store.textsToEmbed('docs', 'model-a');
    store.close();
    // Turn the file back into what version 2 wrote.
    const raw = new Database(file);
    raw.exec(
      'DROP TABLE tuned_models; DROP INDEX chunks_embed_hash; ALTER TABLE chunks DROP COLUMN embed_hash; DROP TABLE embeddings;',
    );
    raw.prepare('UPDATE meta SET value = ? WHERE key = ?').run('2', 'schemaVersion');
    raw.close();
    store = createSqliteStore(file);
    assert.equal(store.counts('docs').chunks, 3);
    assert.deepEqual(store.textsToEmbed('docs', 'model-a'), expected);
    // Through version 3 up to 4: the tuned models table is there too.
    store.putTunedModel('docs', 'answerability', '{"bias":0}', '2024-05-01T00:00:00.000Z');
    assert.equal(store.getTunedModel('docs', 'answerability')?.payload, '{"bias":0}');
    assert.deepEqual(storedVersion(file), { value: '4' });
  });

  it('migrates a version 3 store to version 4 in place: data kept, tuned models table usable', () => {
    store.ensureKnowledgeBase('docs');
    store.applyBatch('docs', { upserts: [upsert('guide.md', guide), upsert('faq.md', faq)], removals: [] });
    const texts = store.textsToEmbed('docs', 'model-a');
    store.putEmbeddings('model-a', texts.map(({ hash }) => ({ hash, vector: new Float32Array([hash.charCodeAt(0), 1]) })));
    const keys = ['guide.md', 'faq.md'];
    const before = snapshot(store, 'docs', keys);
    const vectorsBefore = store.chunkVectors('docs', 'model-a');
    store.close();
    // Turn the file back into what version 3 wrote.
    const raw = new Database(file);
    raw.exec('DROP TABLE tuned_models;');
    raw.prepare('UPDATE meta SET value = ? WHERE key = ?').run('3', 'schemaVersion');
    raw.close();

    store = createSqliteStore(file);
    assert.deepEqual(storedVersion(file), { value: '4' });
    assert.deepEqual(snapshot(store, 'docs', keys), before);
    assert.deepEqual(store.chunkVectors('docs', 'model-a'), vectorsBefore);
    assert.deepEqual(store.textsToEmbed('docs', 'model-a'), []);
    assert.equal(store.getTunedModel('docs', 'answerability'), undefined);
    store.putTunedModel('docs', 'answerability', '{"bias":0.25}', '2024-05-01T00:00:00.000Z');
    assert.deepEqual(store.getTunedModel('docs', 'answerability'), { payload: '{"bias":0.25}', createdAt: '2024-05-01T00:00:00.000Z' });
    assert.equal(store.deleteTunedModel('docs', 'answerability'), true);
  });

  it('stores, replaces and deletes a tuned model, keeping its payload exactly as given', () => {
    store.ensureKnowledgeBase('docs');
    store.applyBatch('docs', { upserts: [upsert('faq.md', faq)], removals: [] });
    const generation = store.generation('docs');
    assert.equal(store.getTunedModel('docs', 'answerability'), undefined);

    // Spacing and key order kept: the store does not parse or re-serialize the payload.
    const first = '{ "weights": [0.5, -1.25], "bias": 0.1, "threshold": 0.4, "note": "café ✓" }';
    store.putTunedModel('docs', 'answerability', first, '2024-05-01T10:00:00.000Z');
    assert.deepEqual(store.getTunedModel('docs', 'answerability'), { payload: first, createdAt: '2024-05-01T10:00:00.000Z' });
    assert.equal(store.getTunedModel('docs', 'router'), undefined, 'names are separate');

    const second = JSON.stringify({ weights: [0.75, -1], bias: -0.2, threshold: 0.5 });
    store.putTunedModel('docs', 'answerability', second, '2024-05-02T10:00:00.000Z');
    assert.deepEqual(store.getTunedModel('docs', 'answerability'), { payload: second, createdAt: '2024-05-02T10:00:00.000Z' });
    store.putTunedModel('docs', 'router', '{}', '2024-05-02T11:00:00.000Z');
    assert.equal(countTunedModels(file), 2, 'a replaced model leaves no older row behind');

    // A tuned model is not a change of the indexed content.
    assert.equal(store.generation('docs'), generation);

    assert.equal(store.deleteTunedModel('docs', 'answerability'), true);
    assert.equal(store.getTunedModel('docs', 'answerability'), undefined);
    assert.equal(store.deleteTunedModel('docs', 'answerability'), false, 'nothing left to delete');
    assert.equal(store.getTunedModel('docs', 'router')?.payload, '{}', 'deleting one name leaves the others');
  });

  it('keeps tuned models of knowledge bases apart', () => {
    store.ensureKnowledgeBase('alpha');
    store.ensureKnowledgeBase('beta');
    store.putTunedModel('alpha', 'answerability', '{"kb":"alpha"}', '2024-05-01T00:00:00.000Z');
    assert.equal(store.getTunedModel('beta', 'answerability'), undefined);
    assert.equal(store.deleteTunedModel('beta', 'answerability'), false);
    assert.equal(store.getTunedModel('alpha', 'answerability')?.payload, '{"kb":"alpha"}', "beta's delete left alpha's model");

    store.putTunedModel('beta', 'answerability', '{"kb":"beta"}', '2024-05-03T00:00:00.000Z');
    assert.deepEqual(store.getTunedModel('alpha', 'answerability'), { payload: '{"kb":"alpha"}', createdAt: '2024-05-01T00:00:00.000Z' });
    assert.deepEqual(store.getTunedModel('beta', 'answerability'), { payload: '{"kb":"beta"}', createdAt: '2024-05-03T00:00:00.000Z' });

    assert.equal(store.deleteTunedModel('alpha', 'answerability'), true);
    assert.equal(store.getTunedModel('alpha', 'answerability'), undefined);
    assert.equal(store.getTunedModel('beta', 'answerability')?.payload, '{"kb":"beta"}');
  });

  it('keeps a tuned model across closing and reopening the file', () => {
    store.ensureKnowledgeBase('docs');
    const payload = JSON.stringify({ weights: [0.5, -1.25], bias: 0.1 });
    store.putTunedModel('docs', 'answerability', payload, '2024-05-01T10:00:00.000Z');
    store.close();
    store = createSqliteStore(file);
    assert.deepEqual(store.getTunedModel('docs', 'answerability'), { payload, createdAt: '2024-05-01T10:00:00.000Z' });
  });

  it('throws KB_NOT_FOUND from the tuned model methods for an unknown knowledge base, writing nothing', () => {
    store.ensureKnowledgeBase('docs');
    for (const call of [
      () => store.getTunedModel('nope', 'answerability'),
      () => store.putTunedModel('nope', 'answerability', '{}', '2024-05-01T00:00:00.000Z'),
      () => store.deleteTunedModel('nope', 'answerability'),
    ]) {
      assert.throws(call, (error: unknown) => {
        assert.ok(isGroundedError(error, 'KB_NOT_FOUND'), String(error));
        assert.match(error.message, /'nope'/);
        assert.deepEqual(error.details['available'], ['docs']);
        return true;
      });
    }
    assert.deepEqual(store.listKnowledgeBases(), ['docs'], 'put does not create the knowledge base');
    assert.equal(countTunedModels(file), 0);
  });

  it('refuses a file that is not a SQLite database with STORE_CORRUPT', () => {
    const garbage = join(dir, 'garbage.db');
    writeFileSync(garbage, 'this is not a database, just some text that is long enough to have a header'.repeat(20));
    assert.throws(
      () => createSqliteStore(garbage),
      (error: unknown) => isGroundedError(error, 'STORE_CORRUPT') && error.details['file'] === garbage,
    );
  });
  it('with read access creates nothing for a missing store, and its first write creates the store', () => {
    const missing = join(dir, 'not-yet', 'grounded.db');
    const reader = createSqliteStore(missing, { access: 'read' });
    try {
      assert.deepEqual(reader.listKnowledgeBases(), []);
      assert.throws(() => reader.counts('docs'), (error: unknown) => isGroundedError(error, 'KB_NOT_FOUND') && /no knowledge base at .*not-yet/.test(error.message));
      assert.equal(existsSync(join(dir, 'not-yet')), false, 'a read creates no folder');
      reader.ensureKnowledgeBase('docs');
      reader.applyBatch('docs', { upserts: [upsert('guide.md', guide)], removals: [] });
      assert.equal(reader.counts('docs').chunks, 3);
    } finally {
      reader.close();
    }
    assert.ok(existsSync(missing));
  });

  it('with read access reads while another connection holds the write lock, and opens the store read-only', () => {
    store.ensureKnowledgeBase('docs');
    store.applyBatch('docs', { upserts: [upsert('guide.md', guide)], removals: [] });
    const holder = new Database(file);
    holder.exec('BEGIN IMMEDIATE');
    const reader = createSqliteStore(file, { access: 'read' });
    try {
      const started = performance.now();
      assert.equal(reader.counts('docs').chunks, 3);
      assert.equal(reader.indexRows('docs').rows.length, 3);
      assert.ok(performance.now() - started < 1000, 'no wait for the lock');
      // A cached snapshot waits at most what it is told, then gives up with STORE_BUSY.
      const generation = reader.generation('docs');
      const waited = performance.now();
      assert.throws(
        () => reader.putIndexSnapshot('docs', 'key', generation, new Uint8Array([1, 2, 3]), { maxWaitMs: 50 }),
        (error: unknown) => isGroundedError(error, 'STORE_BUSY'),
      );
      assert.ok(performance.now() - waited < 2000);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    reader.putIndexSnapshot('docs', 'key', reader.generation('docs'), new Uint8Array([1, 2, 3]));
    assert.deepEqual([...(reader.getIndexSnapshot('docs', 'key') ?? [])], [1, 2, 3]);
    reader.close();
  });
});
