import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Embedder } from '../core/embedder.js';
import type { LexicalIndex, LexicalQuery } from '../core/lexical-index.js';
import type { Store } from '../core/store/store.js';
import type { VectorIndex } from '../core/vector-index.js';
import { buildBm25Index } from '../indexing/lexical/build-bm25-index.js';
import { countTerms } from '../indexing/lexical/count-terms.js';
import { createAnalyzer } from '../indexing/lexical/create-analyzer.js';
import { createSqliteStore } from '../indexing/stores/sqlite/create-sqlite-store.js';
import { createExactVectorIndex } from '../indexing/vector/create-exact-vector-index.js';
import type { PassageRetriever } from './passage-retriever.js';
import { retrievePassages } from './retrieve-passages.js';

const analyzer = createAnalyzer();
// Passages and hand-made "meanings" (2-D unit vectors): the paraphrase shares no word with the query but its meaning.
const passages = [
  { text: 'The request body is buffered on disk above the threshold.', meaning: [1, 0] },
  { text: 'Spool settings for the temp directory of uploads.', meaning: [0, 1] },
  { text: 'Requests larger than the limit spool to a temp file.', meaning: [0.6, 0.8] },
  { text: 'Compression uses gzip for text responses.', meaning: [-1, 0] },
];
const meaningOf = new Map(passages.map((passage) => [passage.text, Float32Array.from(passage.meaning)]));
const queryMeaning = Float32Array.from([1, 0]);
const embedder: Embedder = {
  provider: 'fake',
  modelId: 'meaning',
  id: 'fake:meaning',
  dimensions: 2,
  maxBatchSize: 8,
  embed: (texts, options) => Promise.resolve(texts.map((text) => (options?.kind === 'query' ? queryMeaning : (meaningOf.get(text) ?? new Float32Array(2))))),
};

describe('retrievePassages', () => {
  const dir = mkdtempSync(join(tmpdir(), 'grounded-retrieve-'));
  let store: Store;
  let retriever: PassageRetriever;
  let index: VectorIndex;
  let rows: number[];

  before(async () => {
    store = createSqliteStore(join(dir, 'grounded.db'));
    await store.open('kb').create();
    const empty = countTerms([]);
    await store.open('kb').sources.apply({
      upserts: passages.map((passage, ordinal) => ({
        source: { root: '/r', path: `p${ordinal}.md`, hash: `h${ordinal}`, size: 1, fingerprint: 'f' },
        documents: [
          {
            document: { key: `p${ordinal}.md`, title: '', text: passage.text, headings: [], metadata: {} },
            chunks: [
              {
                chunk: { id: `p${ordinal}.md#0`, doc: `p${ordinal}.md`, title: '', ordinal: 0, start: 0, end: passage.text.length, text: passage.text, headingPath: [], tokens: 9 },
                body: countTerms(analyzer.terms(passage.text)),
                title: empty,
              },
            ],
          },
        ],
      })),
      removals: [],
    });
    const stored = (await store.open('kb').chunks.indexRows()).rows;
    rows = stored.map((row) => row.row);
    index = createExactVectorIndex({ dimensions: 2 });
    index.add(rows, passages.map((passage) => Float32Array.from(passage.meaning)));
    const vectors = new Map(rows.map((row, position) => [row, Float32Array.from(passages[position]?.meaning ?? [])]));
    retriever = {
      chunks: store.open('kb').chunks,
      analyzer,
      lexical: buildBm25Index(stored),
      dense: { embedder, index, vectorsOf: async (wanted) => new Map(wanted.flatMap((row) => (vectors.has(row) ? [[row, vectors.get(row) ?? new Float32Array(2)] as const] : []))) },
    };
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const docs = (results: { chunk: { doc: string } }[]): string[] => results.map((result) => result.chunk.doc);

  it('finds a paraphrase lexical search misses, by fusing dense candidates', async () => {
    const query = 'When is the body buffered on disk?';
    const lexical = await retrievePassages({ ...retriever, dense: undefined }, query, { k: 2 });
    assert.deepEqual(docs(lexical.results), ['p0.md']);
    const hybrid = await retrievePassages(retriever, query, { k: 3 });
    assert.deepEqual(docs(hybrid.results), ['p0.md', 'p2.md', 'p1.md']);
    assert.ok(hybrid.timings.embedMs >= 0 && hybrid.timings.vectorMs >= 0);
  });

  it('weighted fusion with all weight on the dense list ranks by meaning alone', async () => {
    const semantic = await retrievePassages(retriever, 'spool temp file', { k: 4, fusion: { method: 'weighted', semanticWeight: 1 } });
    assert.deepEqual(docs(semantic.results), ['p0.md', 'p2.md', 'p1.md', 'p3.md']);
  });

  it('applies the allowed rows to both lists before ranking', async () => {
    const allowed = new Set([rows[1] ?? -1, rows[3] ?? -1]);
    const filtered = await retrievePassages(retriever, 'body buffered on disk', { k: 2, allowed });
    assert.deepEqual(docs(filtered.results).sort(), ['p1.md', 'p3.md']);
    // Through an approximate-looking index, few allowed rows are scanned exactly from their stored vectors.
    const approximate: VectorIndex = { ...index, kind: 'hnsw', search: () => assert.fail('the index must not be asked for a small allowed set') };
    const scanned = await retrievePassages({ ...retriever, dense: { ...retriever.dense!, index: approximate } }, 'zzz', { k: 2, allowed });
    assert.deepEqual(docs(scanned.results), ['p1.md', 'p3.md']);
  });

  it('decomposes a question asking two things: each part ranked with the whole question behind it, lists interleaved', async () => {
    // A lexical index that records its queries: the whole question ranks the buffering passages first, the part
    // about gzip finds the compression passage.
    const queries: LexicalQuery[] = [];
    const byDoc = (...positions: number[]) => positions.map((position, rank) => ({ row: rows[position] ?? -1, score: 10 - rank }));
    const lexical: LexicalIndex = {
      ...retriever.lexical,
      search: (query) => {
        queries.push(query);
        const terms = query instanceof Map ? [...query.keys()] : [...(query as readonly string[])];
        if (terms.includes('gzip')) return terms.includes('buffer') ? byDoc(0, 2, 1, 3) : byDoc(3);
        return byDoc(0, 2);
      },
    };
    const question = 'Is the request body buffered on disk above the threshold, and which responses use gzip?';
    const plain = await retrievePassages({ ...retriever, dense: undefined, lexical }, question, { k: 2 });
    assert.deepEqual(docs(plain.results), ['p0.md', 'p2.md']);
    assert.equal(queries.length, 1);
    queries.length = 0;
    const decomposed = await retrievePassages({ ...retriever, dense: undefined, lexical }, question, { k: 2, decompose: true });
    assert.deepEqual(docs(decomposed.results), ['p0.md', 'p3.md']);
    // The whole question once, then each part with its own terms only.
    const termsOf = (query: LexicalQuery | undefined): string[] => (query instanceof Map ? [...query.keys()] : [...((query ?? []) as readonly string[])]);
    assert.equal(queries.length, 3);
    assert.ok(termsOf(queries[0]).includes('gzip') && termsOf(queries[0]).includes('buffer'));
    assert.deepEqual(queries.slice(1).map((query) => termsOf(query).includes('gzip')), [false, true]);
    assert.ok(!termsOf(queries[2]).includes('buffer'));
    // A question asking one thing is searched once, as it is.
    queries.length = 0;
    await retrievePassages({ ...retriever, dense: undefined, lexical }, 'Is the request body buffered on disk?', { k: 2, decompose: true });
    assert.equal(queries.length, 1);
  });

  it('reranks the fused pool with a cross-encoder and diversifies with MMR', async () => {
    const reranker = { provider: 'fake', modelId: 'len', id: 'fake:len', maxBatchSize: 2, rerank: (_query: string, texts: readonly string[]) => Promise.resolve(texts.map((text) => -text.length)) };
    const reranked = await retrievePassages({ ...retriever, reranker }, 'spool temp file body', { k: 4 });
    const lengths = reranked.results.map((result) => result.chunk.text.length);
    assert.deepEqual(lengths, [...lengths].sort((a, b) => a - b));
    const relevant = await retrievePassages(retriever, 'body buffered on disk', { k: 2, mmrLambda: 1 });
    assert.deepEqual(docs(relevant.results), ['p0.md', 'p2.md']);
    // With novelty weighed in, p0's near-paraphrase p2 (cosine 0.6) gives way to a passage unlike p0.
    const diverse = await retrievePassages(retriever, 'body buffered on disk', { k: 2, mmrLambda: 0.3 });
    assert.equal(docs(diverse.results)[0], 'p0.md');
    assert.notEqual(docs(diverse.results)[1], 'p2.md');
  });
});
