import { findBlocks, type Block } from './find-blocks.js';
import type { Section } from './find-sections.js';

/**
 * The blocks of a section: its heading line, then paragraphs, code blocks and tables.
 *
 * @example
 * sectionBlocks(text, section).map((block) => block.kind); // ['heading', 'prose', 'code']
 */
export function sectionBlocks(text: string, section: Section): Block[] {
  const blocks = findBlocks(text, section.bodyStart, section.end);
  if (section.bodyStart === section.start) return blocks;
  const heading = findBlocks(text, section.start, section.bodyStart).map((block) => ({ ...block, kind: 'heading' as const }));
  return [...heading, ...blocks];
}
