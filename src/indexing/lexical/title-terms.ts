import type { FieldTerms } from '../../core/lexical-index.js';
import { EncodedFieldTerms } from './encoded-field-terms.js';

/** Up to this many title terms are scanned linearly; longer titles (deep heading paths) get a Map. */
const LINEAR_TITLE_SCAN = 24;

/**
 * Visits a field's terms; decoded fields stream them straight out of their stored text.
 *
 * @example
 * visitTerms(countTerms(['a', 'b', 'a']), (term, count) => console.log(term, count)); // a 2, b 1
 */
export function visitTerms(field: FieldTerms, visit: (term: string, count: number) => void): void {
  if (field instanceof EncodedFieldTerms) field.forEachTerm(visit);
  else for (const [term, count] of field.terms) visit(term, count);
}

/**
 * The title terms of the chunk being indexed, reused across chunks. Titles hold a handful of terms,
 * so a linear scan beats building a Map per chunk; `take` marks a term as scored with the body.
 *
 * @example
 * const title = new TitleTerms();
 * title.load(chunk.title);
 * const count = title.take('gzip'); // then title.forEachLeft(...) visits the terms the body did not have
 */
export class TitleTerms {
  private readonly terms: string[] = [];
  private readonly counts: number[] = [];
  private readonly taken: boolean[] = [];
  // Long titles (deep heading paths) get a Map, so the scan never goes quadratic.
  private positions: Map<string, number> | undefined;

  load(field: FieldTerms | undefined): void {
    this.terms.length = 0;
    this.counts.length = 0;
    this.taken.length = 0;
    this.positions = undefined;
    if (field === undefined) return;
    visitTerms(field, (term, count) => {
      this.terms.push(term);
      this.counts.push(count);
      this.taken.push(false);
    });
    this.positions = this.terms.length > LINEAR_TITLE_SCAN ? new Map(this.terms.map((term, index) => [term, index])) : undefined;
  }

  take(term: string): number {
    const index = this.positions === undefined ? this.terms.indexOf(term) : (this.positions.get(term) ?? -1);
    if (index < 0) return 0;
    this.taken[index] = true;
    return this.counts[index] ?? 0;
  }

  forEachLeft(visit: (term: string, count: number) => void): void {
    for (let index = 0; index < this.terms.length; index++) {
      if (this.taken[index] !== true) visit(this.terms[index] ?? '', this.counts[index] ?? 0);
    }
  }
}
