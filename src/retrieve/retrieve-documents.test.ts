import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Store } from '../core/store/store.js';
import { buildBm25Index } from '../indexing/lexical/build-bm25-index.js';
import { countTerms } from '../indexing/lexical/count-terms.js';
import { createAnalyzer } from '../indexing/lexical/create-analyzer.js';
import { createSqliteStore } from '../indexing/stores/sqlite/create-sqlite-store.js';
import { createExactVectorIndex } from '../indexing/vector/create-exact-vector-index.js';
import { mapRowsToDocuments } from './map-rows-to-documents.js';
import type { PassageRetriever } from './passage-retriever.js';
import { rankDocuments } from './rank-documents.js';
import type { RetrievalPlan } from './retrieval-plan.js';
import { retrieveDocuments } from './retrieve-documents.js';
import { retrievePassages } from './retrieve-passages.js';

const analyzer = createAnalyzer();
const words = ['gzip', 'body', 'disk', 'spool', 'temp', 'file', 'limit', 'header', 'route', 'cache', 'token', 'retry'];
// 12 documents of 1 to 4 chunks each, texts drawn deterministically from a small vocabulary so chunks share terms.
const documents = Array.from({ length: 12 }, (_, doc) =>
  Array.from({ length: 1 + (doc % 4) }, (_, part) => Array.from({ length: 6 }, (_, at) => words[(doc * 7 + part * 5 + at * 3) % words.length]).join(' ')),
);

describe('retrieveDocuments', () => {
  const dir = mkdtempSync(join(tmpdir(), 'grounded-retrieve-documents-'));
  let store: Store;
  let retriever: PassageRetriever;
  let documentOf: Map<number, string>;

  before(async () => {
    store = createSqliteStore(join(dir, 'grounded.db'));
    const kb = store.open('kb');
    await kb.create();
    await kb.sources.apply({
      upserts: documents.map((chunks, doc) => ({
        source: { root: '/r', path: `d${doc}.md`, hash: `h${doc}`, size: 1, fingerprint: 'f' },
        documents: [
          {
            document: { key: `d${doc}.md`, title: '', text: chunks.join('\n'), headings: [], metadata: {} },
            chunks: chunks.map((text, ordinal) => ({
              chunk: { id: `d${doc}.md#${ordinal}`, doc: `d${doc}.md`, title: '', ordinal, start: 0, end: text.length, text, headingPath: [], tokens: 6 },
              body: countTerms(analyzer.terms(text)),
              title: countTerms([]),
            })),
          },
        ],
      })),
      removals: [],
    });
    const stored = (await kb.chunks.indexRows()).rows;
    const index = createExactVectorIndex({ dimensions: 2 });
    index.add(stored.map((row) => row.row), stored.map((row) => Float32Array.from([Math.cos(row.row), Math.sin(row.row)])));
    const embedder = {
      provider: 'fake',
      modelId: 'angle',
      id: 'fake:angle',
      dimensions: 2,
      maxBatchSize: 8,
      embed: (texts: readonly string[]) => Promise.resolve(texts.map((text) => Float32Array.from([Math.cos(text.length), Math.sin(text.length)]))),
    };
    retriever = { chunks: kb.chunks, analyzer, lexical: buildBm25Index(stored), dense: { embedder, index, vectorsOf: () => Promise.resolve(new Map()) } };
    documentOf = mapRowsToDocuments((await kb.chunks.documentRows()).documents);
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const queries = ['gzip body', 'spool temp file limit', 'cache token retry header', 'route', 'disk disk gzip retry'];
  const plans: [string, RetrievalPlan][] = [
    ['top 5 chunks', { k: 5 }],
    ['top 30 chunks', { k: 30 }],
    ['per-document diversity', { k: 6, maxPerDocument: 1 }],
    ['allowed rows', { k: 10, allowed: new Set([2, 3, 5, 8, 13, 21]) }],
    ['a question asking two things, decomposed', { k: 8, decompose: true }],
  ];

  for (const [name, plan] of plans) {
    it(`gives the keys rankDocuments gives from the passages, without reading a chunk (${name}, lexical and hybrid)`, async () => {
      const noChunkReads = { byRows: () => assert.fail('no chunk may be read') };
      for (const dense of [undefined, retriever.dense]) {
        const plain = dense === undefined ? { chunks: retriever.chunks, analyzer, lexical: retriever.lexical } : { ...retriever, dense };
        for (const query of [...queries, 'Which gzip body limit applies? And which cache token header?']) {
          const expected = rankDocuments((await retrievePassages(plain, query, plan)).results, 4);
          const actual = await retrieveDocuments({ ...plain, chunks: noChunkReads }, query, plan, 4, documentOf);
          assert.ok(expected.length > 0, query);
          assert.deepEqual(actual, expected, query);
        }
      }
    });
  }

  it('skips rows the map no longer holds, and takes the chunk path when a reranker needs the texts', async () => {
    const lexicalOnly = { chunks: retriever.chunks, analyzer, lexical: retriever.lexical };
    const [first] = await retrieveDocuments(lexicalOnly, 'gzip body', { k: 30 }, 12, documentOf);
    const without = new Map([...documentOf].filter(([, key]) => key !== first));
    const keys = await retrieveDocuments(lexicalOnly, 'gzip body', { k: 30 }, 12, without);
    assert.ok(first !== undefined && !keys.includes(first));
    const reranker = { provider: 'fake', modelId: 'len', id: 'fake:len', maxBatchSize: 4, rerank: (_query: string, texts: readonly string[]) => Promise.resolve(texts.map((text) => -text.length)) };
    const reranked = await retrieveDocuments({ ...retriever, reranker }, 'gzip body', { k: 10 }, 4, documentOf);
    assert.deepEqual(reranked, rankDocuments((await retrievePassages({ ...retriever, reranker }, 'gzip body', { k: 10 })).results, 4));
  });
});
