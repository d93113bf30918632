import type { ScoredChunk } from '../../core/document.js';

/**
 * The default text of one numbered source in a prompt: `[n] <doc> › <heading path>` on the first line (the heading
 * path joined with ` › `, left out when empty), then the passage text. The model cites the `[n]` it sees here.
 *
 * @example
 * formatSource(passage, 2);
 * // '[2] routing/rules.md › Routing rules › Priority\nRouters are evaluated by priority; ...'
 */
export function formatSource(passage: ScoredChunk, n: number): string {
  const { chunk } = passage;
  const label = [chunk.doc, ...chunk.headingPath].join(' › ');
  return `[${n}] ${label}\n${chunk.text}`;
}
