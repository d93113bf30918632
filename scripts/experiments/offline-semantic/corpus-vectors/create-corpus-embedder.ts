import { createHash } from 'node:crypto';
import type { Embedder } from '../../../../src/core/embedder.js';
import type { Analyzer } from '../../../../src/core/lexical-index.js';
import type { CorpusVectors } from './corpus-vectors.js';
import { embedTermCounts } from './embed-term-counts.js';

/** sha256 of everything that shapes the vectors, 16 hex digits. */
function modelHash(model: CorpusVectors, analyzer: Analyzer): string {
  const hash = createHash('sha256');
  hash.update(`${model.kind}\n${model.dimensions}\n${model.termFrequency}\n${model.settings}\n${analyzer.id}\n`);
  const vocabulary: string[] = new Array<string>(model.terms.size);
  for (const [term, row] of model.terms) vocabulary[row] = term;
  hash.update(vocabulary.join('\n'));
  for (const array of [model.termWeights, model.termVectors, model.commonComponent ?? new Float32Array(0)]) {
    hash.update(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * An {@link Embedder} over corpus-trained term vectors (LSA or skipgram): texts are analyzed with the knowledge base's
 * analyzer and embedded by `embedTermCounts`; queries and passages are embedded alike. The `id`
 * (`corpus-<kind>:<hash>`) hashes the analyzer id, training settings, vocabulary and every weight, so retraining
 * on a changed corpus gives a new id and invalidates cached vectors.
 *
 * @example
 * const embedder = createCorpusEmbedder(trainLsaVectors(chunkTerms), createAnalyzer());
 * const [vector] = await embedder.embed(['how do I rotate the API key?'], { kind: 'query' });
 */
export function createCorpusEmbedder(model: CorpusVectors, analyzer: Analyzer): Embedder {
  const id = `corpus-${model.kind}:${modelHash(model, analyzer)}`;
  return {
    provider: 'corpus',
    modelId: `${model.kind}-${model.dimensions}`,
    id,
    dimensions: model.dimensions,
    maxBatchSize: 1024,
    embed(texts) {
      return Promise.resolve(
        texts.map((text) => {
          const counts = new Map<string, number>();
          for (const term of analyzer.terms(text)) counts.set(term, (counts.get(term) ?? 0) + 1);
          return embedTermCounts(model, counts);
        }),
      );
    },
  };
}
