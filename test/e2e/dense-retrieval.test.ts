import assert from 'node:assert/strict';
import { cpSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { startEmbeddingsServer, startRerankServer, writeTinyBertModel, type LoopbackServer } from '../../src/testing/index.js';
import { parseJson, runGrounded, temporaryFolder } from '../support/run-grounded.js';

// Dense and hybrid retrieval end to end through the CLI, against loopback servers speaking the OpenAI embeddings and
// /rerank protocols, and a tiny ONNX model the test writes itself.
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

interface SearchJson {
  preset: string;
  results: { rank: number; score: number; doc: string; chunkId: string; text: string }[];
}
interface IngestJson {
  added: number;
  unchanged: number;
  embedding?: { embedded: number; chunks: number; covered: number; error?: { code: string; message: string } };
}

const embeddedTexts = (server: LoopbackServer): string[] =>
  server.requests.flatMap((request) => ((request.body as { input?: string[] }).input ?? []));

describe('dense and hybrid retrieval', () => {
  const folder = temporaryFolder('dense');
  const docs = join(folder.path, 'docs');
  const config = join(folder.path, 'grounded.config.json');
  let embeddings: LoopbackServer;
  let failAfter = Infinity;
  const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
    GROUNDED_EMBEDDER_PROVIDER: 'openai-compatible',
    GROUNDED_EMBEDDER_BASE_URL: embeddings.baseUrl,
    GROUNDED_EMBEDDER_MODEL: 'loopback-embed',
    ...extra,
  });
  const run = (args: string[], environment: NodeJS.ProcessEnv, dataDir = join(folder.path, 'data')) =>
    runGrounded([...args, '--config', config], { cwd: folder.path, dataDir, env: environment });

  before(async () => {
    cpSync(join(repo, 'examples', 'sample-docs'), docs, { recursive: true });
    // Small batches and one request at a time, so a failure lands mid-way through a known sequence.
    writeFileSync(config, JSON.stringify({ chunking: { maxTokens: 48, overlapTokens: 0 }, embedder: { batchSize: 4, concurrency: 1, maxRetries: 0 } }));
    embeddings = await startEmbeddingsServer((_request, index) =>
      index >= failAfter ? { type: 'status', status: 500, message: 'upstream model crashed' } : { type: 'reply', text: '' },
    );
  });
  after(async () => {
    await embeddings.close();
    folder.remove();
  });

  it('survives an embedder that fails mid-way: consistent store, reported failure, a re-run finishes without re-embedding', async () => {
    failAfter = 2;
    const first = await run(['ingest', 'docs', '--json'], env());
    assert.equal(first.code, 1, 'an unfinished embedding pass is a failure the user can fix');
    const report = parseJson<IngestJson>(first);
    assert.ok(report.added > 0);
    assert.equal(report.embedding?.error?.code, 'PROVIDER_UNAVAILABLE');
    assert.equal(report.embedding?.covered, 8);
    assert.ok((report.embedding?.chunks ?? 0) > 8);
    // Lexical search works on everything that was ingested; hybrid search works on what has vectors.
    const lexical = parseJson<SearchJson>(await run(['search', 'restore a snapshot', '--preset', 'lexical', '--json'], env()));
    assert.ok(lexical.results.length > 0);
    const readable = await run(['ingest', 'docs'], env());
    assert.equal(readable.code, 1);
    assert.match(readable.stderr, /embedding stopped \(.*500.*\); \d+ chunks have no vector yet\. Run the same ingest again/);

    failAfter = Infinity;
    const before = embeddedTexts(embeddings);
    const second = await run(['ingest', 'docs', '--json'], env());
    assert.equal(second.code, 0, second.stderr);
    const finished = parseJson<IngestJson>(second);
    assert.equal(finished.unchanged, report.added);
    assert.equal(finished.embedding?.covered, finished.embedding?.chunks);
    const resent = embeddedTexts(embeddings).slice(before.length);
    const succeeded = new Set(before.slice(0, 8));
    assert.equal(resent.filter((text) => succeeded.has(text)).length, 0, 'texts embedded before the failure are not sent again');
    assert.equal(resent.length, (finished.embedding?.chunks ?? 0) - 8);

    // A third run has nothing to embed.
    const count = embeddings.requests.length;
    const third = parseJson<IngestJson>(await run(['ingest', 'docs', '--json'], env()));
    assert.equal(third.embedding?.embedded, 0);
    assert.equal(embeddings.requests.length, count);
  });

  it('searches hybrid by default once an embedder is configured, and lexical on request', async () => {
    const hybrid = parseJson<SearchJson>(await run(['search', 'how do I restore a backup snapshot', '--json'], env()));
    assert.equal(hybrid.preset, 'hybrid');
    assert.equal(hybrid.results[0]?.doc, 'guides/backups.md');
    const queries = embeddings.requests.filter((request) => (request.body as { input: string[] }).input[0] === 'how do I restore a backup snapshot');
    assert.equal(queries.length, 1, 'the query itself is embedded once');
    const lexical = parseJson<SearchJson>(await run(['search', 'how do I restore a backup snapshot', '--preset', 'lexical', '--json'], env()));
    assert.equal(lexical.preset, 'lexical');
    // Fused scores are reciprocal ranks, lexical ones BM25: different lists, same top document.
    assert.notDeepEqual(hybrid.results.map((hit) => hit.score), lexical.results.map((hit) => hit.score));
  });

  it('applies metadata filters before ranking: k results from the allowed documents', async () => {
    const filtered = parseJson<SearchJson>(await run(['search', 'restore a backup snapshot', '--path', 'guides/config', 'guides/auth', '-k', '3', '--json'], env()));
    assert.equal(filtered.results.length, 3);
    assert.ok(filtered.results.every((hit) => hit.doc === 'guides/configuration.md' || hit.doc === 'guides/authentication.md'));
    const dated = await run(['search', 'restore', '--after', 'not a date', '--json'], env());
    assert.equal(dated.code, 1);
    assert.match(dated.stderr, /not a date/);
  });

  it('reranks with a cross-encoder over the /rerank protocol, and explains a missing reranker', async () => {
    const reranker = await startRerankServer();
    try {
      const environment = env({ GROUNDED_RERANKER_PROVIDER: 'api', GROUNDED_RERANKER_BASE_URL: reranker.baseUrl, GROUNDED_RERANKER_MODEL: 'loopback-rerank' });
      const reranked = parseJson<SearchJson>(await run(['search', 'nightly snapshot restore', '--preset', 'hybrid-rerank', '-k', '5', '--json'], environment));
      assert.equal(reranker.requests.length, 1);
      const body = reranker.requests[0]?.body as { query: string; documents: string[] };
      assert.equal(body.query, 'nightly snapshot restore');
      // The loopback model scores the share of query words in a passage: the results follow its scores.
      const scores = reranked.results.map((hit) => hit.score);
      assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
      assert.ok(body.documents.length >= reranked.results.length);
    } finally {
      await reranker.close();
    }
    const missing = await run(['search', 'restore', '--preset', 'hybrid-rerank'], env());
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /needs a reranker/);
    // A knowledge base ingested before the embedder was configured: hybrid says how to get its vectors.
    const lexicalOnly = join(folder.path, 'lexical-only');
    assert.equal((await run(['ingest', 'docs'], {}, lexicalOnly)).code, 0);
    const unembedded = await run(['search', 'restore'], env(), lexicalOnly);
    assert.equal(unembedded.code, 1);
    assert.match(unembedded.stderr, /has a vector from loopback-embed yet.*grounded ingest/s);
    const noEmbedder = await run(['search', 'restore', '--preset', 'hybrid'], {});
    assert.equal(noEmbedder.code, 1);
    assert.match(noEmbedder.stderr, /GROUNDED_EMBEDDER_PROVIDER/);
  });

  it('scores presets side by side in one eval run, each run fingerprinted with its retriever', async () => {
    const golden = join(repo, 'test', 'fixtures', 'advise', 'harbor-golden.jsonl');
    const result = await run(['eval', 'run', '--golden', golden, '--preset', 'lexical,hybrid', '--json'], env());
    assert.equal(result.code, 0, result.stderr);
    const { runs } = parseJson<{ runs: { fingerprint: { retriever: string }; retrieval: { recallAt5: number } }[] }>(result);
    assert.deepEqual(
      runs.map((report) => (JSON.parse(report.fingerprint.retriever) as { preset: string }).preset),
      ['lexical', 'hybrid'],
    );
    assert.match(runs[1]?.fingerprint.retriever ?? '', /loopback-embed/);
    assert.ok(runs.every((report) => report.retrieval.recallAt5 > 0));
    const readable = await run(['eval', 'run', '--golden', golden, '--preset', 'hybrid'], env());
    assert.match(readable.stdout, /retrieval hybrid; answerer extractive/);
  });

  it('embeds with a local ONNX model from a folder, and a new model embeds everything exactly once', async () => {
    const model = join(folder.path, 'tiny-model');
    await writeTinyBertModel(model, { words: ['snapshot', 'restore', 'token', 'port', 'backup', 'password', 'harbor'] });
    const dataDir = join(folder.path, 'onnx-data');
    const onnx = { GROUNDED_EMBEDDER_PROVIDER: 'onnx', GROUNDED_EMBEDDER_PATH: model };
    const first = parseJson<IngestJson>(await run(['ingest', 'docs', '--json'], onnx, dataDir));
    assert.equal(first.embedding?.error, undefined);
    assert.ok((first.embedding?.embedded ?? 0) > 0);
    assert.equal(first.embedding?.covered, first.embedding?.chunks);
    const second = parseJson<IngestJson>(await run(['ingest', 'docs', '--json'], onnx, dataDir));
    assert.equal(second.embedding?.embedded, 0);
    const search = parseJson<SearchJson>(await run(['search', 'restore the snapshot', '--json'], onnx, dataDir));
    assert.equal(search.preset, 'hybrid');
    assert.ok(search.results.length > 0);
    // A local ONNX cross-encoder reranks: the results come back in the order of its scores.
    const crossEncoder = join(folder.path, 'tiny-cross-encoder');
    await writeTinyBertModel(crossEncoder, { head: 'classifier', words: ['snapshot', 'restore', 'token', 'port', 'backup', 'password', 'harbor'] });
    const reranked = parseJson<SearchJson>(
      await run(['search', 'restore the snapshot', '--preset', 'hybrid-rerank', '--json'], { ...onnx, GROUNDED_RERANKER_PROVIDER: 'onnx', GROUNDED_RERANKER_PATH: crossEncoder }, dataDir),
    );
    assert.equal(reranked.preset, 'hybrid-rerank');
    const rerankScores = reranked.results.map((hit) => hit.score);
    assert.ok(rerankScores.length > 1);
    assert.deepEqual(rerankScores, [...rerankScores].sort((left, right) => right - left));
    assert.notDeepEqual(rerankScores, search.results.map((hit) => hit.score));
    // The same store under another model: every text once more, cached side by side.
    const other = parseJson<IngestJson>(await run(['ingest', 'docs', '--json'], env(), dataDir));
    assert.equal(other.embedding?.embedded, first.embedding?.embedded);
    const db = new Database(join(dataDir, 'grounded.db'), { readonly: true });
    const models = db.prepare('SELECT model, COUNT(*) AS n FROM embeddings GROUP BY model ORDER BY model').all() as { model: string; n: number }[];
    db.close();
    assert.equal(models.length, 2);
    assert.ok(models.every((row) => row.n === first.embedding?.embedded));
  });
});
