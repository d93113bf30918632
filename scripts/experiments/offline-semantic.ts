// Offline semantic options that need no downloaded weights (issue 5, item 5): BM25, BM25 + RM3 pseudo-relevance
// feedback, vectors trained on the corpus itself (LSA by randomized SVD; fastText skipgram with SIF weights), and
// their fusion with BM25 (reciprocal rank fusion, k = 60; min-max normalized weighted fusion).
// Sets: BEIR SciFact test (nDCG@10, recall@100, documents ranked by their best chunk) and the Traefik docs golden set
// (recall@5: an answerable case's source doc among the top-5 chunks' docs; nDCG@10 over docs).
// Tuning happens on SciFact's train split only (RM3 grid, fusion weight); the test split and Traefik are only scored.
// Run: node --import tsx scripts/experiments/offline-semantic.ts [--quick] (quick: no tuning, no skipgram)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openKnowledgeBase } from '../../src/app/open-knowledge-base.js';
import { loadConfig } from '../../src/config/load-config.js';
import type { Chunk, ScoredChunk } from '../../src/core/document.js';
import type { Analyzer, LexicalIndex } from '../../src/core/lexical-index.js';
import { readBeirFolder } from '../../src/eval/datasets/read-beir-folder.js';
import { readGoldenSet } from '../../src/eval/datasets/read-golden-set.js';
import { ndcgAtK } from '../../src/eval/metrics/ndcg-at-k.js';
import { recallAtK } from '../../src/eval/metrics/recall-at-k.js';
import { resolveEvidence } from '../../src/eval/datasets/resolve-evidence.js';
import { spanRetrievalScores } from '../../src/eval/metrics/span-retrieval-scores.js';
import type { CorpusVectors } from './offline-semantic/corpus-vectors/corpus-vectors.js';
import { embedTermCounts } from './offline-semantic/corpus-vectors/embed-term-counts.js';
import { trainLsaVectors } from './offline-semantic/corpus-vectors/train-lsa-vectors.js';
import { trainSkipgramVectors } from './offline-semantic/corpus-vectors/train-skipgram-vectors.js';
import { decodeBm25Postings } from '../../src/indexing/lexical/bm25-postings.js';
import { buildBm25Index } from '../../src/indexing/lexical/build-bm25-index.js';
import { createAnalyzer } from '../../src/indexing/lexical/create-analyzer.js';
import { expandQueryRm3, type Rm3Collection, type Rm3Params } from './offline-semantic/expand-query/expand-query-rm3.js';
import { rankDocuments } from '../../src/retrieve/rank-documents.js';
import { searchLexical } from './offline-semantic/search-lexical.js';

const quick = process.argv.includes('--quick');
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const datasets = resolve(root, '..', 'shared', 'datasets');
/** Chunks fetched per query before collapsing to documents, as evaluate-beir does. */
const CHUNK_DEPTH = 300;
const RRF_K = 60;

type Hit = { readonly row: number; readonly score: number };
type Retriever = (query: string) => Hit[];

interface Corpus {
  readonly name: string;
  readonly analyzer: Analyzer;
  /** The product's BM25F index: weighted queries (RM3's expanded terms) are part of its contract. */
  readonly index: LexicalIndex;
  /** Document frequencies, read from the index's postings, for RM3's term filter. */
  readonly collection: Rm3Collection;
  readonly rows: readonly number[];
  readonly chunks: ReadonlyMap<number, Chunk>;
  /** Body and title terms merged, per row. */
  readonly terms: ReadonlyMap<number, ReadonlyMap<string, number>>;
  readonly documentText: (key: string) => string | undefined;
  /** Baseline through the product's lexical search function (searchLexical over the store). */
  readonly productSearch: (query: string, k: number) => ScoredChunk[];
  readonly close: () => Promise<void>;
}

/** Ingests with the product's default configuration into a throwaway store and reads back what the index sees. */
async function loadCorpus(name: string, paths: readonly string[]): Promise<Corpus> {
  const dataDir = mkdtempSync(join(tmpdir(), `grounded-offline-semantic-${name}-`));
  const config = loadConfig({ cwd: dataDir, env: {}, overrides: { dataDir } });
  const kb = openKnowledgeBase({ config, kb: name });
  await kb.sync(paths);
  const { rows: indexRows } = await kb.store.chunks.indexRows();
  const index = buildBm25Index(indexRows, {
    k1: config.lexical.k1,
    b: config.lexical.b,
    ...(config.lexical.titleWeight === undefined ? {} : { titleWeight: config.lexical.titleWeight }),
  });
  const { termIds, offsets } = decodeBm25Postings(index.toSnapshot());
  const collection: Rm3Collection = {
    size: index.size,
    documentFrequency: (term) => {
      const id = termIds.get(term);
      return id === undefined ? 0 : (offsets[id + 1] ?? 0) - (offsets[id] ?? 0);
    },
  };
  const rows = indexRows.map((row) => row.row);
  const chunks = await kb.store.chunks.byRows(rows);
  const texts = new Map((await kb.store.documents.all()).map((document) => [document.key, document.text]));
  const terms = new Map<number, Map<string, number>>();
  for (const row of indexRows) {
    const merged = new Map(row.body.terms);
    for (const [term, count] of row.title.terms) merged.set(term, (merged.get(term) ?? 0) + count);
    terms.set(row.row, merged);
  }
  const analyzer = createAnalyzer({ stemmer: config.lexical.stemmer, stopWords: config.lexical.stopWords });
  return {
    name,
    analyzer,
    index,
    collection,
    rows,
    chunks,
    terms,
    documentText: (key) => texts.get(key),
    productSearch: (query, k) => searchLexical({ chunks, analyzer, index }, query, k),
    close: async () => {
      await kb.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function queryCounts(analyzer: Analyzer, query: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of analyzer.terms(query)) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

const bm25 = (corpus: Corpus): Retriever => (query) => corpus.index.search(queryCounts(corpus.analyzer, query), CHUNK_DEPTH);

function rm3(corpus: Corpus, params: Rm3Params): Retriever {
  const feedbackDocs = params.feedbackDocs ?? 10;
  return (query) => {
    const queryTerms = corpus.analyzer.terms(query);
    const first = corpus.index.search(queryCounts(corpus.analyzer, query), feedbackDocs);
    const feedback = first.map((hit) => ({ terms: corpus.terms.get(hit.row) ?? new Map<string, number>(), score: hit.score }));
    return corpus.index.search(expandQueryRm3(queryTerms, feedback, corpus.collection, params), CHUNK_DEPTH);
  };
}

/** Every chunk embedded once; exact inner-product search. */
function vectorRetriever(corpus: Corpus, model: CorpusVectors): { retrieve: Retriever; embedMs: number } {
  const started = performance.now();
  const dimensions = model.dimensions;
  const matrix = new Float32Array(corpus.rows.length * dimensions);
  corpus.rows.forEach((row, index) => matrix.set(embedTermCounts(model, corpus.terms.get(row) ?? new Map()), index * dimensions));
  const embedMs = performance.now() - started;
  const scores = new Float32Array(corpus.rows.length);
  const retrieve: Retriever = (query) => {
    const vector = embedTermCounts(model, queryCounts(corpus.analyzer, query));
    for (let index = 0; index < corpus.rows.length; index++) {
      let dot = 0;
      const offset = index * dimensions;
      for (let dimension = 0; dimension < dimensions; dimension++) dot += (matrix[offset + dimension] ?? 0) * (vector[dimension] ?? 0);
      scores[index] = dot;
    }
    const order = [...scores.keys()].sort((left, right) => (scores[right] ?? 0) - (scores[left] ?? 0)).slice(0, CHUNK_DEPTH);
    return order.map((index) => ({ row: corpus.rows[index] ?? 0, score: scores[index] ?? 0 }));
  };
  return { retrieve, embedMs };
}

/** Reciprocal rank fusion (Cormack et al. 2009), k = 60. */
function fuseRrf(lists: readonly Hit[][]): Hit[] {
  const fused = new Map<number, number>();
  for (const list of lists) list.forEach((hit, rank) => fused.set(hit.row, (fused.get(hit.row) ?? 0) + 1 / (RRF_K + rank + 1)));
  return [...fused].map(([row, score]) => ({ row, score })).sort((left, right) => right.score - left.score || left.row - right.row).slice(0, CHUNK_DEPTH);
}

/** Min-max normalized scores over each list, `weight` on the first list; missing entries count 0. */
function fuseWeighted(first: Hit[], second: Hit[], weight: number): Hit[] {
  const fused = new Map<number, number>();
  for (const [list, share] of [[first, weight], [second, 1 - weight]] as const) {
    const top = list[0]?.score ?? 0;
    const bottom = list.at(-1)?.score ?? 0;
    const span = top - bottom || 1;
    for (const hit of list) fused.set(hit.row, (fused.get(hit.row) ?? 0) + (share * (hit.score - bottom)) / span);
  }
  return [...fused].map(([row, score]) => ({ row, score })).sort((left, right) => right.score - left.score || left.row - right.row).slice(0, CHUNK_DEPTH);
}

function toScored(corpus: Corpus, hits: readonly Hit[]): ScoredChunk[] {
  const scored: ScoredChunk[] = [];
  for (const hit of hits) {
    const chunk = corpus.chunks.get(hit.row);
    if (chunk !== undefined) scored.push({ chunk, score: hit.score, rank: scored.length + 1 });
  }
  return scored;
}

interface Beir {
  readonly corpusPath: string;
  readonly test: ReturnType<typeof readBeirFolder>;
  readonly train: ReturnType<typeof readBeirFolder>;
}

function scoreBeir(corpus: Corpus, split: Beir['test'], retrieve: Retriever) {
  const started = performance.now();
  let ndcg = 0;
  let recall = 0;
  for (const [id, relevance] of split.qrels) {
    const ranked = rankDocuments(toScored(corpus, retrieve(split.queries.get(id) ?? '')), 100);
    ndcg += ndcgAtK(ranked, relevance, 10);
    recall += recallAtK(ranked, relevance, 100);
  }
  const count = split.qrels.size;
  return { ndcgAt10: round(ndcg / count), recallAt100: round(recall / count), queryMs: round((performance.now() - started) / count) };
}

interface GoldenQuery {
  readonly question: string;
  readonly sources: readonly { readonly doc: string; readonly quote?: string }[];
}

/**
 * Two readings of the golden set: `docRecallAt5` / `docNdcgAt10` (a source document among the top-5 chunks' docs;
 * docs ranked by best chunk), and `spanRecallAt5` / `spanNdcgAt10`, the product's `eval run` definitions (a chunk
 * counts when it overlaps the source quote's span; synthesis cases need every source; docs/evaluation.md), over the
 * top 10 chunks as `eval run` retrieves.
 */
function scoreGolden(corpus: Corpus, cases: readonly GoldenQuery[], retrieve: Retriever) {
  const sums = { docRecallAt5: 0, docNdcgAt10: 0, spanRecallAt5: 0, spanNdcgAt10: 0 };
  const started = performance.now();
  for (const golden of cases) {
    const scored = toScored(corpus, retrieve(golden.question));
    const docs = new Set(golden.sources.map((source) => source.doc));
    if (scored.slice(0, 5).some((hit) => docs.has(hit.chunk.doc))) sums.docRecallAt5 += 1;
    sums.docNdcgAt10 += ndcgAtK(rankDocuments(scored, 10), new Map([...docs].map((doc) => [doc, 1])), 10);
    const evidence = golden.sources.flatMap((source) => {
      const span = resolveEvidence(source, corpus.documentText(source.doc) ?? '');
      return span === undefined ? [] : [{ doc: source.doc, ...span }];
    });
    const spans = spanRetrievalScores(scored.slice(0, 10).map((hit) => ({ doc: hit.chunk.doc, start: hit.chunk.start, end: hit.chunk.end })), evidence);
    sums.spanRecallAt5 += spans.recallAt5;
    sums.spanNdcgAt10 += spans.ndcgAt10;
  }
  const count = cases.length;
  return {
    docRecallAt5: round(sums.docRecallAt5 / count),
    spanRecallAt5: round(sums.spanRecallAt5 / count),
    docNdcgAt10: round(sums.docNdcgAt10 / count),
    spanNdcgAt10: round(sums.spanNdcgAt10 / count),
    queryMs: round((performance.now() - started) / count),
  };
}

const round = (value: number): number => Number(value.toFixed(4));
const log = (message: string): void => {
  process.stderr.write(`${message}\n`);
};

async function main(): Promise<void> {
  const beirDir = join(datasets, 'beir-scifact');
  const beir: Beir = { corpusPath: '', test: readBeirFolder(beirDir, 'test'), train: readBeirFolder(beirDir, 'train') };
  const golden = readGoldenSet(join(root, 'test', 'fixtures', 'golden', 'traefik-docs.jsonl'))
    .cases.filter((entry) => entry.sources.length > 0)
    .map((entry) => ({ question: entry.question, sources: entry.sources }));

  let started = performance.now();
  const scifact = await loadCorpus('scifact', [beir.test.corpusPath]);
  const scifactIngestMs = performance.now() - started;
  started = performance.now();
  const traefik = await loadCorpus('traefik', [join(datasets, 'traefik-docs', 'docs')]);
  const traefikIngestMs = performance.now() - started;
  log(`ingested: scifact ${scifact.rows.length} chunks, traefik ${traefik.rows.length} chunks, ${golden.length} answerable cases`);

  // The product's own search path, to check that the experiment's BM25 reproduces it.
  const productBaseline = {
    scifact: scoreBeir(scifact, beir.test, (query) => scifact.productSearch(query, CHUNK_DEPTH).map((hit) => ({ row: rowOf(scifact, hit.chunk.id), score: hit.score }))),
    traefik: scoreGolden(traefik, golden, (query) => traefik.productSearch(query, CHUNK_DEPTH).map((hit) => ({ row: rowOf(traefik, hit.chunk.id), score: hit.score }))),
  };

  // RM3 tuning on SciFact train only.
  const anserini: Rm3Params = { feedbackDocs: 10, feedbackTerms: 10, originalQueryWeight: 0.5 };
  const grid: { params: Rm3Params; ndcgAt10: number }[] = [];
  if (!quick) {
    for (const feedbackDocs of [3, 5, 10, 20]) {
      for (const feedbackTerms of [5, 10, 20, 40]) {
        for (const originalQueryWeight of [0.3, 0.5, 0.7, 0.9]) {
          const params = { feedbackDocs, feedbackTerms, originalQueryWeight };
          grid.push({ params, ndcgAt10: scoreBeir(scifact, beir.train, rm3(scifact, params)).ndcgAt10 });
        }
      }
    }
    grid.sort((left, right) => right.ndcgAt10 - left.ndcgAt10);
  }
  const tunedRm3 = grid[0]?.params ?? anserini;
  log(`rm3 tuned on train: ${JSON.stringify(grid.slice(0, 3))}`);

  // Corpus vectors, trained per corpus on its own chunks.
  const models: { name: string; train: (corpus: Corpus) => Promise<CorpusVectors> }[] = [
    { name: 'lsa-256', train: async (corpus) => trainLsaVectors(corpus.rows.map((row) => corpus.terms.get(row) ?? new Map()), { dimensions: 256 }) },
  ];
  if (!quick) {
    models.push({
      name: 'skipgram-100-sif',
      train: (corpus) =>
        trainSkipgramVectors(
          corpus.rows.map((row) => {
            const chunk = corpus.chunks.get(row);
            return chunk === undefined ? [] : corpus.analyzer.terms(`${[chunk.title, ...chunk.headingPath].join('\n')}\n${chunk.text}`);
          }),
          { epochs: 10 },
        ),
    });
  }

  const results: Record<string, unknown>[] = [];
  const training: Record<string, unknown>[] = [];
  const evaluateBoth = (method: string, make: (corpus: Corpus) => Retriever, note?: string): void => {
    results.push({
      method,
      scifact: scoreBeir(scifact, beir.test, make(scifact)),
      traefik: scoreGolden(traefik, golden, make(traefik)),
      ...(note === undefined ? {} : { note }),
    });
    log(`${method}: ${JSON.stringify(results.at(-1))}`);
  };
  evaluateBoth('bm25', bm25);
  evaluateBoth('bm25+rm3 (Anserini defaults)', (corpus) => rm3(corpus, anserini));
  if (!quick) evaluateBoth('bm25+rm3 (tuned on SciFact train)', (corpus) => rm3(corpus, tunedRm3), JSON.stringify(tunedRm3));

  for (const model of models) {
    const retrievers = new Map<string, Retriever>();
    for (const corpus of [scifact, traefik]) {
      const trainStarted = performance.now();
      const vectors = await model.train(corpus);
      const trainMs = performance.now() - trainStarted;
      const { retrieve, embedMs } = vectorRetriever(corpus, vectors);
      retrievers.set(corpus.name, retrieve);
      training.push({ model: model.name, corpus: corpus.name, chunks: corpus.rows.length, vocabulary: vectors.terms.size, dimensions: vectors.dimensions, trainMs: Math.round(trainMs), embedChunksMs: Math.round(embedMs) });
      log(`trained ${model.name} on ${corpus.name} in ${Math.round(trainMs)} ms`);
    }
    const vectors = (corpus: Corpus): Retriever => retrievers.get(corpus.name) ?? (() => []);
    evaluateBoth(model.name, vectors);
    evaluateBoth(`rrf(bm25, ${model.name})`, (corpus) => (query) => fuseRrf([bm25(corpus)(query), vectors(corpus)(query)]));
    evaluateBoth(`rrf(bm25+rm3, ${model.name})`, (corpus) => (query) => fuseRrf([rm3(corpus, anserini)(query), vectors(corpus)(query)]));
    // The weighted-fusion share of BM25, chosen on SciFact train.
    let weight = 0.5;
    if (!quick) {
      let best = -1;
      for (const candidate of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]) {
        const { ndcgAt10 } = scoreBeir(scifact, beir.train, (query) => fuseWeighted(bm25(scifact)(query), vectors(scifact)(query), candidate));
        if (ndcgAt10 > best) [best, weight] = [ndcgAt10, candidate];
      }
    }
    evaluateBoth(`weighted(bm25 ${weight}, ${model.name} ${round(1 - weight)})`, (corpus) => (query) => fuseWeighted(bm25(corpus)(query), vectors(corpus)(query), weight), quick ? 'weight not tuned' : 'weight chosen on SciFact train');
  }

  console.log(
    JSON.stringify(
      {
        command: `node --import tsx scripts/experiments/offline-semantic.ts${quick ? ' --quick' : ''}`,
        sets: {
          scifact: { split: 'test', queries: beir.test.qrels.size, chunks: scifact.rows.length, ingestMs: Math.round(scifactIngestMs) },
          traefik: { answerableCases: golden.length, chunks: traefik.rows.length, ingestMs: Math.round(traefikIngestMs) },
        },
        productBaseline,
        rm3Tuning: { split: 'scifact train (809 queries)', top: grid.slice(0, 5), anseriniDefaults: anserini },
        training,
        results,
      },
      null,
      2,
    ),
  );
  await scifact.close();
  await traefik.close();
}

function rowOf(corpus: Corpus, chunkId: string): number {
  let lookup = chunkRows.get(corpus);
  if (lookup === undefined) {
    lookup = new Map([...corpus.chunks].map(([row, chunk]) => [chunk.id, row]));
    chunkRows.set(corpus, lookup);
  }
  return lookup.get(chunkId) ?? -1;
}
const chunkRows = new WeakMap<Corpus, Map<string, number>>();

await main();
