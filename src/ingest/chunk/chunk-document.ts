import type { ChunkSpan, LoadedDocument } from '../../core/document.js';
import { splitSentences } from '../../core/text/split-sentences.js';
import { findBlocks, type Block, type BlockKind } from './find-blocks.js';
import { findSections, type Section } from './find-sections.js';
import { resolveChunkOptions, type ChunkOptions, type ChunkOptionsInput } from './resolve-chunk-options.js';
import { splitBlock } from './split-block.js';

/** A section whole, or a block of one, with its token count. */
interface Piece {
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

/**
 * A span longer than `maxTokens` times this many characters is taken as over budget without counting it,
 * which saves counting a large section once whole and then again block by block (SciFact: 2.2 -> 1.8
 * characters counted per character chunked). BPE tokenizers average 3-5 characters per token on prose and
 * code. A span that would have fit after all is only split into its blocks, which are then packed back
 * into one chunk; the sole difference is that such a section no longer joins a previous small section.
 */
const charactersPerTokenCeiling = 5;

function measure(text: string, start: number, end: number, options: ChunkOptions): number {
  if (end - start > options.maxTokens * charactersPerTokenCeiling) return Number.POSITIVE_INFINITY;
  return options.counter.count(text.slice(start, end));
}

function trimmedEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  return end;
}

/**
 * One piece per non-empty section: most sections fit a chunk whole, and counting a section once instead
 * of its blocks and then the chunk again halves the counting work (the chunker's main cost).
 */
function sectionPieces(text: string, sections: readonly Section[], options: ChunkOptions): Piece[] {
  const pieces: Piece[] = [];
  sections.forEach((section, index) => {
    const end = trimmedEnd(text, section.start, section.end);
    let start = section.start;
    while (start < end && /\s/.test(text.charAt(start))) start++;
    if (start === end) return;
    const tokens = measure(text, start, end, options);
    const headingOnly = section.bodyStart > section.start && end <= section.bodyStart;
    pieces.push({ start, end, kind: 'section', tokens, section: index, opensSection: true, headingOnly });
  });
  return pieces;
}

/** The blocks of a section: its heading line, then paragraphs, code blocks and tables. */
function sectionBlocks(text: string, section: Section): Block[] {
  const blocks = findBlocks(text, section.bodyStart, section.end);
  if (section.bodyStart === section.start) return blocks;
  const heading = findBlocks(text, section.start, section.bodyStart).map((block) => ({ ...block, kind: 'heading' as const }));
  return [...heading, ...blocks];
}

const proseKinds = new Set(['prose', 'sentence', 'words']);

/**
 * Greedy packer. `place` takes pieces in document order; a piece that cannot go into the current chunk
 * either splits into finer pieces (pushed back on the work stack) or closes the chunk. Estimates are
 * sums of piece counts; `flush` measures the real chunk and gives back trailing pieces if it is over.
 */
class ChunkPacker {
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
        tokens: kind === 'slice' ? this.count(start, end) : measure(this.text, start, end, this.options),
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

/**
 * Cuts a document into chunks that follow its structure and fit a token budget.
 *
 * - A heading starts a new chunk, unless the whole next section (at the same or a deeper level) fits in
 *   what is left of the current one. A chunk holding only headings takes the next heading (same or deeper
 *   level) and what fits of the body that follows, so a heading never stands alone when its body exists.
 * - Within a section, blocks (paragraphs; a fenced code block or a table whole) are packed greedily; a
 *   block over budget splits into sentences (code and tables into lines), those into words, a word into
 *   character slices.
 * - When a section spans several chunks, each next chunk starts with the previous chunk's trailing
 *   sentences, up to `overlapTokens`.
 * - Every chunk has `text === document.text.slice(start, end)`, trimmed edges, `tokens` measured by the
 *   counter and `tokens <= maxTokens` (only a single character over budget, impossible with maxTokens >= 8
 *   and a BPE-like counter, could exceed it); every non-whitespace character lies in some chunk; chunks are
 *   ordered by start. `headingPath` is the heading stack enclosing the chunk's start.
 * Defaults: maxTokens 384, overlapTokens 48 (see {@link resolveChunkOptions}, which throws `INVALID_CONFIG`).
 *
 * @example
 * const text = '# Routing\n\nRouters match requests.\n\n## Rules\n\nA rule is a matcher.';
 * const headings = [{ level: 1, text: 'Routing', start: 0, end: 9 }, { level: 2, text: 'Rules', start: 36, end: 44 }];
 * const document = { key: 'routing.md', title: 'Routing', text, headings, metadata: {} };
 * chunkDocument(document, { counter: createApproximateTokenCounter() });
 * // [{ start: 0, end: 66, text, headingPath: ['Routing'], tokens: 16 }]  (the small sections share a chunk)
 * chunkDocument(document, { counter: createApproximateTokenCounter(), maxTokens: 8 }).map((chunk) => chunk.text);
 * // ['# Routing\n\nRouters match requests.', '## Rules\n\nA rule is a', 'a matcher.']
 */
export function chunkDocument(document: LoadedDocument, options: ChunkOptionsInput): ChunkSpan[] {
  const resolved = resolveChunkOptions(options);
  const sections = findSections(document.text, document.headings);
  const packer = new ChunkPacker(document.text, sections, resolved);
  const stack = sectionPieces(document.text, sections, resolved).reverse();
  while (stack.length > 0) {
    packer.place(stack.pop() as Piece, stack);
    if (stack.length === 0) packer.flush(stack);
  }
  return packer.chunks;
}
