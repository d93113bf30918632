/** A retrieved row and its score in one ranked list (best first). */
export interface RowHit {
  readonly row: number;
  readonly score: number;
}
