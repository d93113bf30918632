import type { Chunk } from '../document.js';

/**
 * The text an embedder reads for a chunk: the document title and heading path, then the chunk's text, so a passage
 * keeps the context a reader would see ("Buffering > Options" above a bare table row). Its hash, with the model id,
 * keys the embedding cache: change this and every chunk is embedded again.
 *
 * @example
 * embeddingText(chunk); // 'Buffering\nConfiguration Options\nmaxRequestBodyBytes ...'
 */
export function embeddingText(chunk: Pick<Chunk, 'title' | 'headingPath' | 'text'>): string {
  const headings = chunk.headingPath[0] === chunk.title ? chunk.headingPath.slice(1) : chunk.headingPath;
  return [chunk.title, ...headings, chunk.text].filter((part) => part !== '').join('\n');
}
