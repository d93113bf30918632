import type { RowHit } from './fuse/row-hit.js';

/**
 * Default weight of the whole question in a part's ranking. Chosen, then checked on the golden sets (0, 0.2, 0.3 and
 * 0.5 differ by one or two evidence spans there, docs/retrieval.md): low enough that the part's own terms decide, high
 * enough that a part like "what is its default?" keeps the topic the rest of the question names.
 */
export const defaultWholeWeight = 0.3;

/**
 * The ranking of one part of a question: `wholeWeight × score(whole question) + score(part query)`, the part query
 * being `focusQuery(question, part, wholeWeight)`. BM25 is linear in the query's term weights, so this is the BM25
 * ranking of the question with the part's terms at full weight and the rest at `wholeWeight`, from the whole question's
 * search (done anyway) and a search of the part's few terms, instead of another search over every term of the question.
 * A row missing from a list scores 0 there (it is below that list's last row; measured: a depth of 100 or 5,000 ranks
 * the golden sets' top 10 alike).
 *
 * @param wholeWeight in [0, 1); default {@link defaultWholeWeight}
 * @example
 * const part = focusQuery(questionTerms, analyzer.terms('which option redirects the traffic?'), 0.3);
 * focusRanking(wholeHits, lexical.search(part, 100), 0.3);
 */
export function focusRanking(wholeHits: readonly RowHit[], partHits: readonly RowHit[], wholeWeight = defaultWholeWeight): RowHit[] {
  const scores = new Map<number, number>();
  for (const hit of partHits) scores.set(hit.row, hit.score);
  for (const hit of wholeHits) scores.set(hit.row, (scores.get(hit.row) ?? 0) + wholeWeight * hit.score);
  return [...scores]
    .map(([row, score]) => ({ row, score }))
    .sort((left, right) => right.score - left.score || left.row - right.row);
}
