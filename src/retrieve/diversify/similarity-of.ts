import { dot } from '../dense/dot.js';
import type { RowHit } from '../fuse/row-hit.js';
import type { PassageRetriever } from '../passage-retriever.js';

/** Pairwise similarity for MMR: cosine of stored vectors when dense retrieval is on, else of analyzed term counts. */
export async function similarityOf(
  retriever: PassageRetriever,
  hits: readonly RowHit[],
  chunks: ReadonlyMap<number, { readonly text: string }>,
): Promise<(left: number, right: number) => number | undefined> {
  const rows = hits.map((hit) => hit.row);
  if (retriever.dense !== undefined) {
    const vectors = await retriever.dense.vectorsOf(rows);
    return (left, right) => {
      const a = vectors.get(left);
      const b = vectors.get(right);
      return a === undefined || b === undefined ? undefined : dot(a, b);
    };
  }
  const termVectors = new Map<number, Map<string, number>>();
  for (const row of rows) {
    const counts = new Map<string, number>();
    for (const term of retriever.analyzer.terms(chunks.get(row)?.text ?? '')) counts.set(term, (counts.get(term) ?? 0) + 1);
    termVectors.set(row, counts);
  }
  return (left, right) => {
    const a = termVectors.get(left);
    const b = termVectors.get(right);
    if (a === undefined || b === undefined) return undefined;
    let product = 0;
    let normA = 0;
    let normB = 0;
    for (const [term, count] of a) {
      normA += count * count;
      product += count * (b.get(term) ?? 0);
    }
    for (const count of b.values()) normB += count * count;
    return normA === 0 || normB === 0 ? 0 : product / Math.sqrt(normA * normB);
  };
}
