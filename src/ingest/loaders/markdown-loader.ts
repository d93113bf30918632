import type matter from 'gray-matter';
import type { DocumentLoader, LoadProblem, LoaderInput, LoadResult } from '../../core/document-loader.js';
import { GroundedError } from '../../core/errors.js';
import { decodeText } from '../normalize/decode-text.js';
import { normalizeText } from '../normalize/normalize-text.js';
import { parseMarkdownHeadings } from './parse-markdown-headings.js';
import { toJsonSafe } from './to-json-safe.js';

/** A front matter block: `---` on the first line and a closing `---` line after it. */
const FRONT_MATTER = /^---[ \t]*\n(?:[\s\S]*?\n)?---[ \t]*(?:\n|$)/;

// gray-matter (and the YAML parser under it) is imported with the first file that has front matter, not at start-up.
type GrayMatter = typeof matter;
let grayMatter: Promise<GrayMatter> | undefined;
const importGrayMatter = (): Promise<GrayMatter> => (grayMatter ??= import('gray-matter').then((module) => module.default));

const refuseJavaScript = (): never => {
  throw new Error('JavaScript front matter is not supported');
};

/**
 * Loads Markdown (`.md`, `.markdown`, `.mdx`) as one document per file.
 *
 * The text is the normalized Markdown source with the front matter block removed (markup kept, so verbatim
 * quotes from the source still match). Front matter becomes `metadata` (JSON-safe: Dates as ISO strings);
 * front matter that does not parse is left in the text and reported as a problem. Title: front matter
 * `title`, else the first level-1 heading, else `''`. Key: the relative path. The front matter parser is imported
 * with the first file that has front matter.
 *
 * @example
 * const { documents } = await markdownLoader.load({ relativePath: 'guide.md', bytes });
 */
export const markdownLoader: DocumentLoader = {
  format: 'markdown',
  extensions: ['.md', '.markdown', '.mdx'],
  async load(input: LoaderInput): Promise<LoadResult> {
    const source = normalizeText(decodeText(input.bytes, input.relativePath));
    const problems: LoadProblem[] = [];
    const { text, data } = await splitFrontMatter(source, problems);
    if (text.trim() === '') {
      throw new GroundedError('INVALID_DATA', 'no content after the front matter', {
        details: { path: input.relativePath },
        hint: 'add content below the front matter or leave the file out with --exclude',
      });
    }
    const headings = parseMarkdownHeadings(text);
    const frontMatterTitle = typeof data.title === 'string' || typeof data.title === 'number' ? String(data.title).trim() : '';
    const title = frontMatterTitle !== '' ? frontMatterTitle : (headings.find((heading) => heading.level === 1)?.text ?? '');
    return { documents: [{ key: input.relativePath, title, text, headings, metadata: data }], problems };
  },
};

async function splitFrontMatter(source: string, problems: LoadProblem[]): Promise<{ text: string; data: Record<string, unknown> }> {
  // gray-matter alone would treat a leading `---` thematic break with no closing line as front matter
  // swallowing the whole file, so the block's shape is checked first.
  if (!FRONT_MATTER.test(source)) return { text: source, data: {} };
  const matter = await importGrayMatter();
  try {
    // Options are always passed: gray-matter caches results by content when called without them.
    const parsed = matter(source, { engines: { js: refuseJavaScript, javascript: refuseJavaScript } });
    const data = toJsonSafe(parsed.data);
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      problems.push({ reason: 'front matter is not a key/value mapping; ignored', line: 1 });
      return { text: parsed.content, data: {} };
    }
    return { text: parsed.content, data: data as Record<string, unknown> };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    problems.push({ reason: `invalid front matter, kept as text: ${reason}`, line: 1 });
    return { text: source, data: {} };
  }
}
