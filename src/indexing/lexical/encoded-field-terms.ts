import type { FieldTerms } from '../../core/lexical-index.js';

// Why a lazy FieldTerms: a process decodes every stored chunk at start-up only to build postings from
// it. Materializing 100k Maps holds ~10M term strings at once, and the garbage collector spends
// seconds copying them. This keeps only the (already validated) encoded text; the index builder
// streams terms out of it with `forEachTerm`, and `terms` builds a Map only for callers that ask.

const BACKSLASH = 0x5c;
const SPACE = 0x20;

function unescapeTerm(term: string): string {
  if (term === '\\e') return '';
  return term.replace(/\\(.)/gs, (_escape, char: string) => (char === 's' ? ' ' : char === 'n' ? '\n' : char));
}

/**
 * Field terms read from their stored text by `decodeFieldTerms`: `length` at once, the terms on
 * demand. `forEachTerm` visits them without building a Map.
 *
 * @example
 * const field = decodeFieldTerms('3\n1 sat\n2 cat');
 * field.forEachTerm((term, count) => console.log(term, count)); // sat 1, cat 2
 */
export class EncodedFieldTerms implements FieldTerms {
  readonly length: number;
  /** The text made by `encodeFieldTerms`, already checked by `decodeFieldTerms`. */
  readonly encoded: string;
  #terms: ReadonlyMap<string, number> | undefined;

  constructor(encoded: string, length: number) {
    this.encoded = encoded;
    this.length = length;
  }

  /** Term -> frequency, built on first use and kept. */
  get terms(): ReadonlyMap<string, number> {
    if (this.#terms === undefined) {
      const terms = new Map<string, number>();
      this.forEachTerm((term, count) => terms.set(term, count));
      this.#terms = terms;
    }
    return this.#terms;
  }

  /** Calls `visit` once per distinct term with its frequency, in stored order. */
  forEachTerm(visit: (term: string, count: number) => void): void {
    const text = this.encoded;
    let lineStart = text.indexOf('\n');
    while (lineStart >= 0) {
      const countEnd = text.indexOf(' ', lineStart + 1);
      let count = 0;
      for (let at = lineStart + 1; at < countEnd; at++) count = count * 10 + text.charCodeAt(at) - 0x30;
      const lineEnd = text.indexOf('\n', countEnd);
      const end = lineEnd < 0 ? text.length : lineEnd;
      let escaped = false;
      let termStart = countEnd + 1;
      for (let at = termStart; at <= end; at++) {
        const code = at < end ? text.charCodeAt(at) : SPACE;
        if (code === BACKSLASH) escaped = true;
        if (code !== SPACE) continue;
        const term = text.slice(termStart, at);
        visit(escaped ? unescapeTerm(term) : term, count);
        termStart = at + 1;
        escaped = false;
      }
      lineStart = lineEnd;
    }
  }
}
