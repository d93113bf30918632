import type { Reranker } from '../../core/reranker.js';
import type { RowHit } from '../fuse/row-hit.js';

/** Settings of {@link rerankHits}. */
export interface RerankHitsOptions {
  readonly reranker: Reranker;
  readonly query: string;
  /** The text the reranker reads for a row (rows with no text keep their place after the reranked ones). */
  readonly textOf: (row: number) => string | undefined;
  /** How many of the best hits are rescored. Default 50: cross-encoders cost ~linear in depth; 20–100 is usual. */
  readonly depth?: number;
  /** Reranked hits scoring below this are dropped (model-specific scale); default keep all. */
  readonly minScore?: number;
  readonly signal?: AbortSignal;
}

/**
 * Rescores the top `depth` hits with a cross-encoder and sorts them by its score; hits below the depth follow in
 * their original order with scores below every reranked one, so the list stays sorted.
 *
 * @example
 * const reranked = await rerankHits(fused, { reranker, query, textOf: (row) => texts.get(row), depth: 30 });
 */
export async function rerankHits(hits: readonly RowHit[], options: RerankHitsOptions): Promise<RowHit[]> {
  const depth = options.depth ?? 50;
  const head = hits.slice(0, depth).filter((hit) => options.textOf(hit.row) !== undefined);
  const headRows = new Set(head.map((hit) => hit.row));
  const texts = head.map((hit) => options.textOf(hit.row) ?? '');
  const scores = await options.reranker.rerank(options.query, texts, options.signal === undefined ? {} : { signal: options.signal });
  const reranked = head
    .map((hit, index) => ({ row: hit.row, score: scores[index] ?? -Infinity, position: index }))
    .filter((hit) => options.minScore === undefined || hit.score >= options.minScore)
    .sort((left, right) => right.score - left.score || left.position - right.position)
    .map(({ row, score }) => ({ row, score }));
  const floor = Math.min(0, ...reranked.map((hit) => hit.score));
  const tail = hits.filter((hit) => !headRows.has(hit.row)).map((hit, index) => ({ row: hit.row, score: floor - 1 - index }));
  return [...reranked, ...tail];
}
