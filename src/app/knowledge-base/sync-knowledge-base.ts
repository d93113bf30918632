import type { Chunk } from '../../core/document.js';
import { chunkDocument } from '../../ingest/chunk/chunk-document.js';
import { embedChunks } from '../../ingest/embed/embed-chunks.js';
import { syncSources } from '../../ingest/sync-sources.js';
import type { SyncSourcesOptions } from '../../ingest/sync/sync-sources-options.js';
import { countEncodedTerms } from '../../indexing/lexical/count-encoded-terms.js';
import { usesHnswIndex } from '../uses-hnsw-index.js';
import type { IngestReport } from './knowledge-base.js';
import type { KnowledgeBaseParts } from './knowledge-base-parts.js';

/**
 * Syncs files into the knowledge base, then builds and saves its BM25 index (so the first question after an ingest
 * does not pay for it) and, with an embedder, runs the embedding pass and brings a persisted HNSW index up to date.
 *
 * @example
 * const report = await syncKnowledgeBase(parts, ['./docs']);
 */
export async function syncKnowledgeBase(
  parts: KnowledgeBaseParts,
  paths: readonly string[],
  options: Pick<SyncSourcesOptions, 'readFile' | 'onProgress' | 'prune' | 'followExternalLinks'> = {},
): Promise<IngestReport> {
  const { config, store, analyzer, counter } = parts;
  const chunkOptions = { ...config.chunking, counter };
  const report = await syncSources({
    store,
    paths,
    loaders: await parts.loaders(),
    chunk: (document) => chunkDocument(document, chunkOptions),
    analyze: (chunk) => ({ body: countEncodedTerms(analyzer.terms(chunk.text)), title: countEncodedTerms(analyzer.terms(titleField(chunk))) }),
    fingerprint: JSON.stringify({ chunking: config.chunking, counter: counter.id, analyzer: analyzer.id }),
    include: config.ingest.include,
    exclude: config.ingest.exclude,
    maxFileBytes: config.ingest.maxFileBytes,
    maxJsonlFileBytes: config.ingest.maxJsonlFileBytes,
    batchFiles: config.ingest.batchFiles,
    ...options,
  });
  // An unchanged knowledge base still loads its snapshot: a damaged one is rebuilt here, not reported as unchanged.
  const generation = await store.generation();
  await parts.lexical(generation, 'required');
  const embedder = parts.embedderIfAny();
  if (embedder === undefined) return report;
  if (report.updated + report.removed > 0) await parts.pruneEmbeddings();
  const embedding = await embedChunks({ store, embedder, batchSize: config.embedder.batchSize, concurrency: config.embedder.concurrency });
  parts.resetDense();
  // Reconcile and save the HNSW index now, so the first query does not pay for it. An exact index lives only in
  // memory: loading it here would be thrown away when an ingest process exits.
  if (embedding.covered > 0 && usesHnswIndex(config.retrieval.vectorIndex, embedding.covered, config.retrieval.exactBelow)) {
    await parts.dense('hybrid', generation, false);
  }
  return { ...report, embedding };
}

/** The title field of a chunk: document title and heading path, without repeating a top heading equal to the title. */
function titleField(chunk: Chunk): string {
  const headings = chunk.headingPath[0] === chunk.title ? chunk.headingPath.slice(1) : chunk.headingPath;
  return [chunk.title, ...headings].join('\n');
}
