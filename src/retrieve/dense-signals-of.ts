import type { RowHit } from './fuse/row-hit.js';
import { signalDepth, type RetrievalSignals } from './retrieval-signals.js';

/** Dense scores of the best candidates and how far the two retrievers agree on their top rows. */
export function denseSignalsOf(lexicalHits: readonly RowHit[], vectorHits: readonly RowHit[]): Pick<RetrievalSignals, 'denseScores' | 'agreement'> {
  const lexicalTop = new Set(lexicalHits.slice(0, signalDepth).map((hit) => hit.row));
  const denseTop = vectorHits.slice(0, signalDepth);
  const shared = denseTop.filter((hit) => lexicalTop.has(hit.row)).length;
  const depth = Math.min(signalDepth, Math.max(lexicalTop.size, denseTop.length));
  return { denseScores: denseTop.map((hit) => hit.score), agreement: depth === 0 ? 0 : shared / depth };
}
