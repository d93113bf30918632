/** Counts tokens for chunk budgets and context packing. */
export interface TokenCounter {
  /** Name of the counting method, part of the chunker fingerprint. */
  readonly id: string;
  count(text: string): number;
}
