import type { BlockKind } from './find-blocks.js';

/** A section whole, or a block of one, with its token count. */
export interface Piece {
  readonly start: number;
  readonly end: number;
  readonly kind: BlockKind | 'section';
  readonly tokens: number;
  /** Index into the document's sections. */
  readonly section: number;
  /** The first piece of its section: where a chunk may have to end. */
  readonly opensSection: boolean;
  /** Holds nothing but heading lines. */
  readonly headingOnly: boolean;
}
