// Offline semantic options that need no downloaded weights (issue 5, item 5): BM25, BM25 + RM3 pseudo-relevance
// feedback, vectors trained on the corpus itself (LSA by randomized SVD; fastText skipgram with SIF weights), and
// their fusion with BM25 (reciprocal rank fusion, k = 60; min-max normalized weighted fusion).
// Sets: BEIR SciFact test (nDCG@10, recall@100, documents ranked by their best chunk) and the Traefik docs golden set
// (recall@5: an answerable case's source doc among the top-5 chunks' docs; nDCG@10 over docs).
// Tuning happens on SciFact's train split only (RM3 grid, fusion weight); the test split and Traefik are only scored.
// Run: node --import tsx scripts/experiments/offline-semantic.ts [--quick] (quick: no tuning, no skipgram)
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readBeirFolder } from '../../src/eval/datasets/read-beir-folder.js';
import { readGoldenSet } from '../../src/eval/datasets/read-golden-set.js';
import { bm25Retriever as bm25 } from './offline-semantic/bm25-retriever.js';
import type { CorpusVectors } from './offline-semantic/corpus-vectors/corpus-vectors.js';
import { trainLsaVectors } from './offline-semantic/corpus-vectors/train-lsa-vectors.js';
import { trainSkipgramVectors } from './offline-semantic/corpus-vectors/train-skipgram-vectors.js';
import type { Rm3Params } from './offline-semantic/expand-query/expand-query-rm3.js';
import { fuseRrf } from './offline-semantic/fuse-rrf.js';
import { fuseWeighted } from './offline-semantic/fuse-weighted.js';
import { CHUNK_DEPTH, type Retriever } from './offline-semantic/hit.js';
import { loadCorpus, type Corpus } from './offline-semantic/load-corpus.js';
import { rm3Retriever as rm3 } from './offline-semantic/rm3-retriever.js';
import { round } from './offline-semantic/round.js';
import { rowOf } from './offline-semantic/row-of.js';
import { scoreBeir, type Beir } from './offline-semantic/score-beir.js';
import { scoreGolden } from './offline-semantic/score-golden.js';
import { vectorRetriever } from './offline-semantic/vector-retriever.js';

const quick = process.argv.includes('--quick');
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const datasets = resolve(root, '..', 'shared', 'datasets');

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

await main();
