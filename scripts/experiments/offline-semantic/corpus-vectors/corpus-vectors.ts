/**
 * Term vectors trained on a knowledge base's own chunks (no downloaded weights): a text's vector is the weighted sum
 * of its terms' vectors, optionally without a common component, L2-normalized (see `embedTermCounts`).
 */
export interface CorpusVectors {
  /** How the term vectors were trained. */
  readonly kind: 'lsa' | 'skipgram';
  readonly dimensions: number;
  /** Analyzed term -> row of {@link termVectors} and index of {@link termWeights}. */
  readonly terms: ReadonlyMap<string, number>;
  /** Per-term weight (idf for LSA, SIF `a / (a + p(t))` for skipgram). */
  readonly termWeights: Float32Array;
  /** `terms.size × dimensions`, row-major. */
  readonly termVectors: Float32Array;
  /** How a term's count in the text is turned into a weight: `log` is `1 + ln(count)`, `raw` is the count. */
  readonly termFrequency: 'log' | 'raw';
  /** A unit direction projected out of every text vector (SIF's common component), if any. */
  readonly commonComponent?: Float32Array;
  /** The training settings, JSON: part of the model's identity. */
  readonly settings: string;
}
