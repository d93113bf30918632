import type { CorpusVectors } from './corpus-vectors/corpus-vectors.js';
import { embedTermCounts } from './corpus-vectors/embed-term-counts.js';
import { CHUNK_DEPTH, type Retriever } from './hit.js';
import type { Corpus } from './load-corpus.js';
import { queryCounts } from './query-counts.js';

/** Every chunk embedded once; exact inner-product search. */
export function vectorRetriever(corpus: Corpus, model: CorpusVectors): { retrieve: Retriever; embedMs: number } {
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
