import type { ChunkSpan, LoadedDocument } from '../../core/document.js';
import { ChunkPacker } from './chunk-packer.js';
import { findSections } from './find-sections.js';
import type { Piece } from './piece.js';
import { resolveChunkOptions, type ChunkOptionsInput } from './resolve-chunk-options.js';
import { sectionPieces } from './section-pieces.js';

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
