import type { Embedder } from '../../core/embedder.js';
import { GroundedError, isGroundedError } from '../../core/errors.js';
import type { CachedEmbedding } from '../../core/store/embedding-cache.js';
import type { KnowledgeBaseStore } from '../../core/store/store.js';

/** What {@link embedChunks} needs. */
export interface EmbedChunksOptions {
  /** The knowledge base whose chunks are embedded. */
  readonly store: KnowledgeBaseStore;
  readonly embedder: Embedder;
  /** Texts per request. Default the embedder's `maxBatchSize`. */
  readonly batchSize?: number;
  /** Requests in flight at once. Default 2: enough to hide latency without tripping a provider's rate limit. */
  readonly concurrency?: number;
  readonly signal?: AbortSignal;
  /** Called after every stored batch with the texts embedded so far and the total to embed. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** What an embedding pass did. A failed pass keeps every batch that finished; the next pass embeds only the rest. */
export interface EmbedReport {
  /** The embedder id the vectors are cached under. */
  readonly model: string;
  /** Distinct texts embedded and cached by this pass. */
  readonly embedded: number;
  /** Chunks of the knowledge base and how many of them have a vector now. */
  readonly chunks: number;
  readonly covered: number;
  /** Why the pass stopped early; absent when every chunk has a vector. */
  readonly error?: { readonly code: string; readonly message: string };
  readonly ms: number;
}

/**
 * Embeds every chunk text of a knowledge base that has no cached vector under the embedder's id, in batches with a
 * bounded number of requests in flight. Each finished batch is stored in its own transaction, so a failure (after
 * the provider's own retries) loses nothing that succeeded: the pass stops sending, lets requests in flight finish,
 * and reports the error. Unchanged chunks are never embedded twice; a new model id embeds everything once.
 *
 * @example
 * const report = await embedChunks({ store: store.open('docs'), embedder });
 * if (report.error) console.error(`${report.covered}/${report.chunks} chunks have vectors: ${report.error.message}`);
 */
export async function embedChunks(options: EmbedChunksOptions): Promise<EmbedReport> {
  const { store, embedder } = options;
  const started = performance.now();
  const texts = await store.embeddings.textsToEmbed(embedder.id);
  const batchSize = Math.max(1, options.batchSize ?? embedder.maxBatchSize);
  const batches: (typeof texts)[] = [];
  for (let start = 0; start < texts.length; start += batchSize) batches.push(texts.slice(start, start + batchSize));
  let next = 0;
  let embedded = 0;
  let failure: unknown;
  let dimensions = embedder.dimensions;

  async function worker(): Promise<void> {
    while (failure === undefined && next < batches.length) {
      const batch = batches[next++] ?? [];
      try {
        options.signal?.throwIfAborted();
        const vectors = await embedder.embed(
          batch.map((text) => text.text),
          { kind: 'document', ...(options.signal === undefined ? {} : { signal: options.signal }) },
        );
        if (vectors.length !== batch.length) {
          throw new GroundedError('PROVIDER_BAD_RESPONSE', `${embedder.provider} returned ${vectors.length} vectors for ${batch.length} texts`);
        }
        dimensions ??= vectors[0]?.length;
        const cached: CachedEmbedding[] = batch.map((text, index) => {
          const vector = vectors[index] ?? new Float32Array(0);
          if (vector.length !== dimensions || vector.length === 0) {
            throw new GroundedError('PROVIDER_BAD_RESPONSE', `${embedder.provider} returned a vector of length ${vector.length}, expected ${dimensions ?? 'a fixed length'}`);
          }
          return { hash: text.hash, vector };
        });
        await store.embeddings.put(embedder.id, cached);
        embedded += batch.length;
        options.onProgress?.(embedded, texts.length);
      } catch (error) {
        failure ??= error;
      }
    }
  }

  const workers = Math.max(1, Math.min(options.concurrency ?? 2, batches.length));
  await Promise.all(Array.from({ length: workers }, () => worker()));
  const coverage = await store.embeddings.coverage(embedder.id);
  return {
    model: embedder.id,
    embedded,
    chunks: coverage.chunks,
    covered: coverage.embedded,
    ...(failure === undefined ? {} : { error: describeFailure(failure) }),
    ms: performance.now() - started,
  };
}

function describeFailure(error: unknown): { code: string; message: string } {
  if (isGroundedError(error)) return { code: error.code, message: error.message };
  if (error instanceof Error && error.name === 'AbortError') return { code: 'ABORTED', message: 'embedding was cancelled' };
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}
