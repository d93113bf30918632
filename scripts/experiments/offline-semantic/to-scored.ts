import type { ScoredChunk } from '../../../src/core/document.js';
import type { Hit } from './hit.js';
import type { Corpus } from './load-corpus.js';

/** Hits as ranked chunks, dropping rows the corpus does not hold. */
export function toScored(corpus: Corpus, hits: readonly Hit[]): ScoredChunk[] {
  const scored: ScoredChunk[] = [];
  for (const hit of hits) {
    const chunk = corpus.chunks.get(hit.row);
    if (chunk !== undefined) scored.push({ chunk, score: hit.score, rank: scored.length + 1 });
  }
  return scored;
}
