/**
 * Reorders ranked hits so no document fills the top of the list: a hit whose document already has `max` hits ahead of
 * it waits until every document has had its turn, then the waiting hits follow in their order. Nothing is dropped,
 * so a question answered by one document still gets its passages, only after the best of the others; a question
 * that needs two documents finds the second in the top k.
 *
 * @param documentOf the document of a row (undefined: the row stays where it is)
 * @example
 * limitPerDocument(hits, (row) => chunks.get(row)?.doc, 2);
 */
export function limitPerDocument<T extends { readonly row: number }>(hits: readonly T[], documentOf: (row: number) => string | undefined, max: number): T[] {
  const seen = new Map<string, number>();
  const first: T[] = [];
  const waiting: T[] = [];
  for (const hit of hits) {
    const document = documentOf(hit.row);
    if (document === undefined) {
      first.push(hit);
      continue;
    }
    const count = seen.get(document) ?? 0;
    if (count < max) {
      seen.set(document, count + 1);
      first.push(hit);
    } else {
      waiting.push(hit);
    }
  }
  return [...first, ...waiting];
}
