import { countTerms } from './count-terms.js';
import { EncodedFieldTerms } from './encoded-field-terms.js';
import { encodeFieldTerms } from './field-terms-codec.js';

/**
 * `countTerms`, kept in its stored form: the counts are encoded at once (`encodeFieldTerms`) and the Map is dropped.
 * An ingest holds a whole file's chunks until its batch is written; a short string per field instead of a Map of
 * term strings keeps that memory small and young, so the garbage collector does not copy and mark it, and the store
 * writes the encoded text as it is (`encodeFieldTerms` returns it unchanged). The stored text is the same.
 *
 * @example
 * countEncodedTerms(['cat', 'sat', 'cat']).encoded; // '3\n1 sat\n2 cat'
 */
export function countEncodedTerms(terms: readonly string[]): EncodedFieldTerms {
  return new EncodedFieldTerms(encodeFieldTerms(countTerms(terms)), terms.length);
}
