import type { DocumentLoader } from '../../core/document-loader.js';
import { htmlLoader } from './html-loader.js';
import { createJsonlLoader, type JsonlLoaderOptions } from './jsonl-loader.js';
import { markdownLoader } from './markdown-loader.js';
import { textLoader } from './text-loader.js';

/** Settings of {@link createDefaultLoaders}. */
export interface DefaultLoadersOptions {
  /** JSON Lines field mapping; defaults fit BEIR `corpus.jsonl`. */
  readonly jsonl?: JsonlLoaderOptions | undefined;
}

/**
 * The built-in loaders: Markdown (`.md`, `.markdown`, `.mdx`), HTML (`.html`, `.htm`), plain text (`.txt`,
 * `.text`, `.rst`, `.adoc`) and JSON Lines (`.jsonl`, `.ndjson`), each also gzipped. Pick one per file with
 * `findLoader`.
 *
 * @example
 * const loaders = createDefaultLoaders({ jsonl: { textFields: ['question', 'answer'] } });
 */
export function createDefaultLoaders(options: DefaultLoadersOptions = {}): DocumentLoader[] {
  return [markdownLoader, htmlLoader, textLoader, createJsonlLoader(options.jsonl)];
}
