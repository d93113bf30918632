import type { DocumentLoader, LoaderInput, LoadResult } from '../../core/document-loader.js';
import { decodeText } from '../normalize/decode-text.js';
import { normalizeText } from '../normalize/normalize-text.js';

/**
 * Loads plain text as one document per file: normalized text, no headings, title `''`, key = relative path.
 *
 * Takes `.txt` and `.text`, plus reStructuredText (`.rst`) and AsciiDoc (`.adoc`), whose markup reads fine as
 * text until they get loaders of their own. Log files (`.log`) are left out on purpose: a docs folder often
 * holds stray logs, and indexing them would flood retrieval with noise.
 *
 * @example
 * const { documents } = await textLoader.load({ relativePath: 'notes.txt', bytes });
 */
export const textLoader: DocumentLoader = {
  format: 'text',
  extensions: ['.txt', '.text', '.rst', '.adoc'],
  async load(input: LoaderInput): Promise<LoadResult> {
    const text = normalizeText(decodeText(input.bytes, input.relativePath));
    return { documents: [{ key: input.relativePath, title: '', text, headings: [], metadata: {} }], problems: [] };
  },
};
