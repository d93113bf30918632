import type { Corpus } from './load-corpus.js';

const chunkRows = new WeakMap<Corpus, Map<string, number>>();

/** The row of a chunk id in a corpus (-1 when absent), for scoring the product's own search. */
export function rowOf(corpus: Corpus, chunkId: string): number {
  let lookup = chunkRows.get(corpus);
  if (lookup === undefined) {
    lookup = new Map([...corpus.chunks].map(([row, chunk]) => [chunk.id, row]));
    chunkRows.set(corpus, lookup);
  }
  return lookup.get(chunkId) ?? -1;
}
