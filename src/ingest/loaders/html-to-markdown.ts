import TurndownService from 'turndown';

/** The subset of a DOM node the table rules read; turndown hands its own (domino) nodes to rules. */
interface RuleNode {
  readonly nodeName: string;
  readonly parentNode: RuleNode | null;
  readonly childNodes: ArrayLike<RuleNode>;
  readonly textContent: string | null;
  readonly firstChild: RuleNode | null;
}

const elementChildren = (node: RuleNode | null, names: readonly string[]): RuleNode[] =>
  node === null ? [] : Array.from(node.childNodes).filter((child) => names.includes(child.nodeName));

/** GFM needs a header row: the `<thead>` row, or else the table's first row. */
function isHeaderRow(row: RuleNode): boolean {
  const parent = row.parentNode;
  if (parent?.nodeName === 'THEAD') return true;
  const table = parent?.nodeName === 'TABLE' ? parent : parent?.parentNode;
  if (table === null || table === undefined || elementChildren(table, ['THEAD']).length > 0) return false;
  const firstSection = parent?.nodeName === 'TABLE' ? table : elementChildren(table, ['TBODY', 'TFOOT'])[0];
  return elementChildren(firstSection ?? null, ['TR'])[0] === row && parent === firstSection;
}

function createService(): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
    emDelimiter: '_',
    strongDelimiter: '**',
  });
  service.remove(['script', 'style', 'noscript', 'template']);
  // Core turndown has no table support; without these rules every cell would become its own paragraph.
  service.addRule('tableSection', { filter: ['thead', 'tbody', 'tfoot'], replacement: (content) => content });
  service.addRule('tableCell', {
    filter: ['th', 'td'],
    replacement: (content) => ` ${content.replace(/\s*\n+\s*/g, ' ').replace(/\|/g, '\\|').trim()} |`,
  });
  service.addRule('tableRow', {
    filter: 'tr',
    replacement: (content, node) => {
      const row = node as unknown as RuleNode;
      const cells = elementChildren(row, ['TH', 'TD']).length;
      return `\n|${content}${isHeaderRow(row) ? `\n|${' --- |'.repeat(cells)}` : ''}`;
    },
  });
  service.addRule('table', { filter: 'table', replacement: (content) => `\n\n${content.trim()}\n\n` });
  // A <pre> without <code> is still preformatted; fence it so Markdown keeps its lines.
  service.addRule('preformatted', {
    filter: (node) => node.nodeName === 'PRE' && (node as unknown as RuleNode).firstChild?.nodeName !== 'CODE',
    replacement: (_content, node) => {
      const code = (node as unknown as RuleNode).textContent ?? '';
      const longestRun = Math.max(2, ...Array.from(code.matchAll(/`+/g), (match) => match[0].length));
      const fence = '`'.repeat(longestRun + 1);
      return `\n\n${fence}\n${code.replace(/\n$/, '')}\n${fence}\n\n`;
    },
  });
  return service;
}

let sharedService: TurndownService | undefined;

/**
 * Converts an HTML fragment to Markdown with ATX headings, fenced code blocks (language kept from a
 * `language-*` class), `-` bullets and GFM pipe tables, so HTML goes through the same heading and chunking
 * code as Markdown. `<script>`, `<style>`, `<noscript>` and `<template>` are dropped.
 *
 * @example
 * htmlToMarkdown('<h2>Usage</h2><p>Run <code>grounded</code>.</p>'); // '## Usage\n\nRun `grounded`.'
 */
export function htmlToMarkdown(html: string): string {
  // Built lazily and reused: the rules are fixed and turndown keeps no state between calls.
  sharedService ??= createService();
  return sharedService.turndown(html);
}
