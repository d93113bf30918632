import type { DocumentLoader, LoaderInput, LoadResult } from '../../core/document-loader.js';
import { GroundedError } from '../../core/errors.js';
import { decodeText } from '../normalize/decode-text.js';
import { normalizeText } from '../normalize/normalize-text.js';
import type * as ExtractMainContent from './extract-main-content.js';
import type * as HtmlToMarkdown from './html-to-markdown.js';
import { parseMarkdownHeadings } from './parse-markdown-headings.js';

type HtmlModules = [typeof ExtractMainContent, typeof HtmlToMarkdown];

// linkedom, readability and turndown take most of a second to import: they are imported with the first HTML file,
// once, so a process that reads no HTML (every search, a Markdown-only ingest) never pays for them.
let htmlModules: Promise<HtmlModules> | undefined;
const importHtmlModules = (): Promise<HtmlModules> =>
  (htmlModules ??= Promise.all([import('./extract-main-content.js'), import('./html-to-markdown.js')]));

/**
 * Loads HTML (`.html`, `.htm`) as one document per file: the page's main content (see `extractMainContent`)
 * converted to Markdown (see `htmlToMarkdown`), so headings and chunking work as for Markdown files.
 *
 * Title: readability's title or `<title>`, else the first level-1 heading, else `''`. Metadata: byline, site
 * name, language and publication time when readability finds them. Key: the relative path. Rejects with
 * `GroundedError('INVALID_DATA')` when the page has no readable text. The HTML parser and converter are imported
 * with the first page loaded, not with this module.
 *
 * @example
 * const { documents } = await htmlLoader.load({ relativePath: 'site/setup.html', bytes });
 */
export const htmlLoader: DocumentLoader = {
  format: 'html',
  extensions: ['.html', '.htm'],
  async load(input: LoaderInput): Promise<LoadResult> {
    const [{ extractMainContent }, { htmlToMarkdown }] = await importHtmlModules();
    const content = extractMainContent(decodeText(input.bytes, input.relativePath));
    const text = normalizeText(htmlToMarkdown(content.html));
    if (text.trim() === '') {
      throw new GroundedError('INVALID_DATA', 'no readable text in the page', {
        details: { path: input.relativePath },
        hint: 'check that the page has text outside navigation and scripts, or leave it out with --exclude',
      });
    }
    const headings = parseMarkdownHeadings(text);
    const title = content.title || (headings.find((heading) => heading.level === 1)?.text ?? '');
    return { documents: [{ key: input.relativePath, title, text, headings, metadata: content.metadata }], problems: [] };
  },
};
