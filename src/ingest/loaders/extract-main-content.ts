import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/** The subset of the DOM this module uses (the project compiles without the DOM lib). */
interface ContentElement {
  readonly innerHTML: string;
  readonly textContent: string | null;
  querySelector(selector: string): ContentElement | null;
  querySelectorAll(selector: string): ArrayLike<ContentElement>;
  closest(selector: string): ContentElement | null;
  remove(): void;
}

interface ContentDocument extends ContentElement {
  readonly title: string;
  readonly body: ContentElement | null;
}

/** Page chrome removed when readability is not used. `header`/`footer` inside `<main>`/`<article>` are kept. */
const CHROME = 'nav, aside, script, style, noscript, template, form, [role="navigation"], [role="search"]';
const PAGE_BANDS = 'header, footer, [role="banner"], [role="contentinfo"]';

/** What {@link extractMainContent} found. */
export interface MainContent {
  /** HTML of the main content. */
  readonly html: string;
  /** Readability's title, else the page `<title>`, else `''`. */
  readonly title: string;
  /** Byline, site name, language and publication time when the page states them. */
  readonly metadata: Record<string, string>;
  /** Which path produced `html`. */
  readonly extractor: 'readability' | 'fallback';
}

/**
 * Picks the main content of an HTML page, leaving navigation, sidebars and footers out.
 *
 * Uses @mozilla/readability when it judges the page an article (`isProbablyReaderable`) and finds text;
 * otherwise (short pages, where readability falls back to the whole body, nav included) takes `<main>`, else
 * the page's only `<article>`, else `<body>`, minus `nav, aside, script, style, noscript, form`, ARIA
 * navigation/search regions, and the page's own `header`/`footer` (those inside `<main>`/`<article>` stay).
 *
 * @example
 * const { html, title } = extractMainContent('<html><body><nav>Menu</nav><main><h1>Hi</h1></main></body></html>');
 * // html: '<h1>Hi</h1>', title: ''
 */
export function extractMainContent(source: string): MainContent {
  const fullSource = asFullDocument(source);
  const document = parseHTML(fullSource).document as unknown as ContentDocument;
  const pageTitle = collapseSpaces(document.title ?? '');
  // Readability mutates the document it reads, so it gets its own copy.
  if (isProbablyReaderable(document as never)) {
    const readable = parseHTML(fullSource).document;
    const article = new Readability(readable, { keepClasses: true }).parse();
    if (article?.content && (article.textContent ?? '').trim() !== '') {
      const metadata: Record<string, string> = {};
      for (const key of ['byline', 'siteName', 'lang', 'publishedTime'] as const) {
        const value = article[key]?.trim();
        if (value) metadata[key] = value;
      }
      const title = collapseSpaces(article.title ?? '') || pageTitle;
      return { html: restoreTitleHeading(article.content, document, title), title, metadata, extractor: 'readability' };
    }
  }
  return { html: fallbackContent(document), title: pageTitle, metadata: {}, extractor: 'fallback' };
}

const collapseSpaces = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * linkedom builds no `<html>`/`<body>` around a fragment (its body stays empty), so the missing wrappers are
 * added here, keeping the `<head>` of a page that only omits `<body>`.
 */
function asFullDocument(source: string): string {
  const hasBody = /<body[\s>]/i.test(source);
  const hasHtml = /<html[\s>]/i.test(source);
  if (hasBody && hasHtml) return source;
  const withoutDoctype = source.replace(/^\s*<!doctype[^>]*>/i, '');
  if (hasBody) return `<html>${withoutDoctype}</html>`;
  const openHtml = /^\s*<html[^>]*>/i.exec(withoutDoctype)?.[0];
  const inner = withoutDoctype.slice(openHtml?.length ?? 0).replace(/<\/html\s*>\s*$/i, '');
  const headEnd = /<\/head\s*>/i.exec(inner);
  const split = headEnd === null ? 0 : headEnd.index + headEnd[0].length;
  const head = headEnd === null ? '<head></head>' : inner.slice(0, split);
  return `${openHtml?.trim() ?? '<html>'}${head}<body>${inner.slice(split)}</body></html>`;
}

/**
 * Readability drops the heading that repeats the page title; put the page's `<h1>` back on top so the
 * document keeps its top-level heading (the chunker's heading path starts there).
 */
function restoreTitleHeading(content: string, document: ContentDocument, title: string): string {
  const heading = document.querySelector('h1');
  const headingText = collapseSpaces(heading?.textContent ?? '').toLowerCase();
  const lowerTitle = title.toLowerCase();
  const repeatsTitle = lowerTitle.includes(headingText) || headingText.includes(lowerTitle);
  if (heading === null || headingText === '' || lowerTitle === '' || !repeatsTitle) return content;
  const article = parseHTML(`<html><body>${content}</body></html>`).document as unknown as ContentDocument;
  const kept = Array.from(article.querySelectorAll('h1, h2, h3')).some(
    (element) => collapseSpaces(element.textContent ?? '').toLowerCase() === headingText,
  );
  return kept ? content : `<h1>${heading.innerHTML}</h1>${content}`;
}

function fallbackContent(document: ContentDocument): string {
  const articles = document.querySelectorAll('article');
  const root =
    document.querySelector('main') ??
    (articles.length === 1 ? (articles[0] ?? null) : null) ??
    document.body ??
    document;
  for (const element of Array.from(root.querySelectorAll(CHROME))) element.remove();
  for (const element of Array.from(root.querySelectorAll(PAGE_BANDS))) {
    if (element.closest('article, main') === null) element.remove();
  }
  return root.innerHTML;
}
