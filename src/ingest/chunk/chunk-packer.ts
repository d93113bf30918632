import type { ChunkSpan } from '../../core/document.js';
import { splitSentences } from '../../core/text/split-sentences.js';
import type { Block } from './find-blocks.js';
import type { Section } from './find-sections.js';
import { measureSpan } from './measure-span.js';
import type { Piece } from './piece.js';
import type { ChunkOptions } from './resolve-chunk-options.js';
import { sectionBlocks } from './section-blocks.js';
import { splitBlock } from './split-block.js';

const proseKinds = new Set(['prose', 'sentence', 'words']);

/**
 * Greedy packer. `place` takes pieces in document order; a piece that cannot go into the current chunk
 * either splits into finer pieces (pushed back on the work stack) or closes the chunk. Estimates are
 * sums of piece counts; `flush` measures the real chunk and gives back trailing pieces if it is over.
 * Why one class over 150 lines: the packing state (pieces, start, running count, overlap) is shared by every step.
 *
 * @example
 * const packer = new ChunkPacker(text, sections, options);
 * while (stack.length > 0) packer.place(stack.pop() as Piece, stack);
 */
export class ChunkPacker {
  readonly chunks: ChunkSpan[] = [];
  private pieces: Piece[] = [];
  private start = 0;
  private tokens = 0;
  private headingOnly = true;
  private hasOverlap = false;
  private readonly gapCache = new Map<string, number>();
  /** Pieces and start of the last closed chunk, for overlap. */
  private previous: { readonly pieces: Piece[]; readonly start: number } | undefined;

  constructor(
    private readonly text: string,
    private readonly sections: readonly Section[],
    private readonly options: ChunkOptions,
  ) {}

  place(piece: Piece, stack: Piece[]): void {
    const { maxTokens } = this.options;
    if (piece.tokens > maxTokens && piece.kind !== 'slice') return this.pushSplit(piece, stack);
    const last = this.pieces[this.pieces.length - 1];
    if (last === undefined) return this.open(piece);
    const gap = this.gapTokens(last.end, piece.start);
    if (piece.opensSection && piece.section !== last.section && !this.canJoin(piece)) {
      stack.push(piece);
      return this.flush(stack);
    }
    if (this.tokens + gap + piece.tokens <= maxTokens) {
      this.pieces.push(piece);
      this.tokens += gap + piece.tokens;
      this.headingOnly &&= piece.headingOnly;
      return;
    }
    if (this.shouldFill(piece)) return this.pushSplit(piece, stack);
    stack.push(piece);
    this.flush(stack);
  }

  /**
   * Whether to split `piece` to fill the current chunk instead of closing it. A chunk holding only headings
   * takes what fits of any body that follows (a heading itself is never cut for this), and a chunk under a
   * quarter of the budget takes the first sentences of a paragraph (a lead paragraph or a title line would
   * otherwise be a chunk of its own); code and tables that fit are never cut to fill.
   */
  private shouldFill(piece: Piece): boolean {
    if (piece.headingOnly || piece.kind === 'heading' || piece.kind === 'slice') return false;
    return this.headingOnly || (piece.kind === 'prose' && this.tokens < this.options.maxTokens / 4);
  }

  /** Closes the current chunk; pieces it cannot hold after measuring go back on `stack`. */
  flush(stack: Piece[]): void {
    const first = this.pieces[0];
    if (first === undefined) return;
    let end = (this.pieces[this.pieces.length - 1] as Piece).end;
    let tokens = this.pieces.length === 1 && !this.hasOverlap ? first.tokens : this.count(this.start, end);
    while (tokens > this.options.maxTokens && (this.hasOverlap || this.pieces.length > 1)) {
      if (this.hasOverlap) {
        this.hasOverlap = false;
        this.start = first.start;
      } else {
        stack.push(this.pieces.pop() as Piece);
        end = (this.pieces[this.pieces.length - 1] as Piece).end;
      }
      tokens = this.count(this.start, end);
    }
    this.chunks.push({
      start: this.start,
      end,
      text: this.text.slice(this.start, end),
      headingPath: (this.sections[first.section] as Section).headingPath,
      tokens,
    });
    this.previous = { pieces: this.pieces, start: this.start };
    this.pieces = [];
  }

  private open(piece: Piece): void {
    this.pieces = [piece];
    this.start = piece.start;
    this.tokens = piece.tokens;
    this.headingOnly = piece.headingOnly;
    this.hasOverlap = false;
    const budget = Math.min(this.options.overlapTokens, this.options.maxTokens - piece.tokens);
    if (budget <= 0 || piece.opensSection || this.previous === undefined) return;
    const overlap = this.trailingSentences(this.previous.pieces, this.previous.start, piece, budget);
    if (overlap.start < piece.start) {
      this.start = overlap.start;
      this.tokens += overlap.tokens;
      this.hasOverlap = true;
    }
  }

  /**
   * The longest run of whole sentences at the end of the previous chunk, in `piece`'s section, that costs
   * at most `budget` with the whitespace up to `piece`; never the previous chunk's first sentence.
   */
  private trailingSentences(
    pieces: readonly Piece[],
    previousStart: number,
    piece: Piece,
    budget: number,
  ): { start: number; tokens: number } {
    let start = piece.start;
    let tokens = 0;
    for (let index = pieces.length - 1; index >= 0; index--) {
      const candidate = pieces[index] as Piece;
      if (candidate.section !== piece.section || !proseKinds.has(candidate.kind)) break;
      const sentences: readonly { readonly start: number; readonly end: number }[] =
        candidate.kind === 'prose'
          ? splitSentences(this.text.slice(candidate.start, candidate.end), candidate.start)
          : [candidate];
      for (let position = sentences.length - 1; position >= 0; position--) {
        const sentence = sentences[position] as { readonly start: number; readonly end: number };
        if (sentence.start <= previousStart) return { start, tokens };
        const cost = this.count(sentence.start, sentence.end) + this.gapTokens(sentence.end, start);
        if (tokens + cost > budget) return { start, tokens };
        tokens += cost;
        start = sentence.start;
      }
    }
    return { start, tokens };
  }

  /**
   * Whether the section that `piece` opens may share the current chunk: only a section at the same or a
   * deeper level than the chunk's first, and only as a whole section (its opening piece is the whole
   * section unless the section is over budget) or, into a chunk of nothing but headings, from its heading.
   */
  private canJoin(piece: Piece): boolean {
    const current = this.sections[(this.pieces[0] as Piece).section] as Section;
    if ((this.sections[piece.section] as Section).level < current.level) return false;
    return piece.kind === 'section' || (this.headingOnly && piece.kind === 'heading');
  }

  private pushSplit(piece: Piece, stack: Piece[]): void {
    const { counter, maxTokens } = this.options;
    const parts =
      piece.kind === 'section'
        ? sectionBlocks(this.text, this.sections[piece.section] as Section)
        : splitBlock(this.text, piece as Block, counter, maxTokens);
    for (let index = parts.length - 1; index >= 0; index--) {
      const { start, end, kind } = parts[index] as Block;
      stack.push({
        start,
        end,
        kind,
        // A slice is never over budget by construction, so it must carry its real count.
        tokens: kind === 'slice' ? this.count(start, end) : measureSpan(this.text, start, end, this.options),
        section: piece.section,
        opensSection: piece.opensSection && index === 0,
        headingOnly: kind === 'heading' || piece.headingOnly,
      });
    }
  }

  private count(start: number, end: number): number {
    return this.options.counter.count(this.text.slice(start, end));
  }

  private gapTokens(start: number, end: number): number {
    if (start >= end) return 0;
    const gap = this.text.slice(start, end);
    // Gaps are whitespace and nearly always one of a few strings (' ', '\n', '\n\n').
    let tokens = this.gapCache.get(gap);
    if (tokens === undefined) {
      tokens = this.options.counter.count(gap);
      if (gap.length <= 16) this.gapCache.set(gap, tokens);
    }
    return tokens;
  }
}
