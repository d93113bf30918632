import { GroundedError } from '../../core/errors.js';
import type { AnalyzedChunk, LexicalIndex } from '../../core/lexical-index.js';
import { createBm25Searcher } from './create-bm25-searcher.js';
import type { Bm25Postings } from './bm25-postings.js';
import { DEFAULT_TITLE_WEIGHT, type Bm25Params } from './bm25-params.js';
import { TitleTerms, visitTerms } from './title-terms.js';

const MIN_WEIGHT = 1e-30;
const MIN_NORM = 1e-6;


function checkParam(name: string, value: number, min: number, max: number): number {
  if (!(Number.isFinite(value) && value >= min && value <= max)) {
    throw new GroundedError('INVALID_CONFIG', `BM25 ${name} must be a number in [${min}, ${max}], got ${value}`, {
      details: { [name]: value },
      hint: `set ${name} within [${min}, ${max}] or leave it out for the default`,
    });
  }
  return value;
}

function sortedChunks(rows: Iterable<AnalyzedChunk>): AnalyzedChunk[] {
  const chunks = [...rows].sort((left, right) => left.row - right.row);
  for (let index = 0; index < chunks.length; index++) {
    const row = chunks[index]?.row;
    if (!Number.isSafeInteger(row)) {
      throw new GroundedError('INTERNAL', `lexical index rows must be safe integers, got ${row}`, {
        hint: 'pass the chunk rowid as row',
      });
    }
    if (index > 0 && chunks[index - 1]?.row === row) {
      throw new GroundedError('INTERNAL', `lexical index row ${row} appears twice`, {
        details: { row },
        hint: 'give every chunk its own row number',
      });
    }
  }
  return chunks;
}

/** A growable pair of parallel typed arrays: term id and saturated term weight, per posting. */
class PostingBuffer {
  terms = new Int32Array(1 << 16);
  saturations = new Float32Array(1 << 16);
  length = 0;

  push(term: number, saturation: number): void {
    if (this.length === this.terms.length) {
      const terms = new Int32Array(this.length * 2);
      terms.set(this.terms);
      this.terms = terms;
      const saturations = new Float32Array(this.length * 2);
      saturations.set(this.saturations);
      this.saturations = saturations;
    }
    this.terms[this.length] = term;
    this.saturations[this.length] = saturation;
    this.length++;
  }
}

function averageLength(chunks: readonly AnalyzedChunk[], field: 'body' | 'title'): number {
  let total = 0;
  for (const chunk of chunks) total += chunk[field].length;
  return chunks.length === 0 ? 0 : total / chunks.length;
}

// Why this is long: it is the one pass over every (chunk, term) pair, kept inline for speed.
function buildPostings(chunks: readonly AnalyzedChunk[], params: Required<Bm25Params>): Bm25Postings {
  const { k1, b, titleWeight, titleB } = params;
  const avgBody = averageLength(chunks, 'body');
  const avgTitle = averageLength(chunks, 'title');
  const termIds = new Map<string, number>();
  let documentFrequency = new Int32Array(1 << 12);
  const buffer = new PostingBuffer();
  const chunkEnds = new Int32Array(chunks.length);
  const rows = new Float64Array(chunks.length);
  const add = (term: string, tf: number): void => {
    if (!(tf > 0)) return;
    let id = termIds.get(term);
    if (id === undefined) {
      id = termIds.size;
      termIds.set(term, id);
      if (id === documentFrequency.length) {
        const grown = new Int32Array(id * 2);
        grown.set(documentFrequency);
        documentFrequency = grown;
      }
    }
    documentFrequency[id] = (documentFrequency[id] ?? 0) + 1;
    buffer.push(id, tf / (k1 + tf));
  };
  const title = new TitleTerms();
  chunks.forEach((chunk, dense) => {
    rows[dense] = chunk.row;
    // Clamped: with b = 1 a field claiming length 0 yet holding terms would divide by zero.
    const bodyNorm = Math.max(MIN_NORM, avgBody > 0 ? 1 - b + (b * chunk.body.length) / avgBody : 1);
    const titleNorm = Math.max(MIN_NORM, avgTitle > 0 ? 1 - titleB + (titleB * chunk.title.length) / avgTitle : 1);
    title.load(titleWeight > 0 ? chunk.title : undefined);
    visitTerms(chunk.body, (term, tf) => {
      add(term, tf / bodyNorm + (titleWeight * title.take(term)) / titleNorm);
    });
    title.forEachLeft((term, tf) => add(term, (titleWeight * tf) / titleNorm));
    chunkEnds[dense] = buffer.length;
  });
  // Counting sort by term: chunks were visited in row order, so each posting list comes out sorted.
  const termCount = termIds.size;
  const offsets = new Int32Array(termCount + 1);
  for (let term = 0; term < termCount; term++) offsets[term + 1] = (offsets[term] ?? 0) + (documentFrequency[term] ?? 0);
  const idf = new Float64Array(termCount);
  const total = chunks.length;
  for (let term = 0; term < termCount; term++) {
    const df = documentFrequency[term] ?? 0;
    idf[term] = Math.log(1 + (total - df + 0.5) / (df + 0.5));
  }
  const cursor = offsets.slice(0, termCount);
  const ids = new Int32Array(buffer.length);
  const weights = new Float32Array(buffer.length);
  let posting = 0;
  for (let dense = 0; dense < chunks.length; dense++) {
    const end = chunkEnds[dense] ?? 0;
    for (; posting < end; posting++) {
      const term = buffer.terms[posting] ?? 0;
      const slot = cursor[term] ?? 0;
      cursor[term] = slot + 1;
      ids[slot] = dense;
      // Kept above zero: a zero score is how search tells an untouched chunk.
      weights[slot] = Math.max(MIN_WEIGHT, (idf[term] ?? 0) * (buffer.saturations[posting] ?? 0));
    }
  }
  return { rows, termIds, offsets, ids, weights };
}

/**
 * Builds an in-memory BM25F index over analyzed chunks (body and title fields) for fast top-k search.
 * Rows may be sparse (e.g. SQLite rowids); ties are broken by the lower row. Query terms are
 * analyzed terms; repeated terms weigh more (as repeated clauses of a Lucene BooleanQuery), unknown
 * terms are ignored, and an empty query returns `[]`. See {@link Bm25Params} for the formula.
 *
 * Defaults: `k1 = 0.9`, `b = 0.4`, `titleWeight =` {@link DEFAULT_TITLE_WEIGHT}, `titleB = b`.
 * Throws `INTERNAL` on duplicate or non-integer rows (a broken invariant of the caller), `INVALID_CONFIG` on parameters out of range.
 *
 * @example
 * const analyzer = createAnalyzer();
 * const index = buildBm25Index([
 *   { row: 7, body: countTerms(analyzer.terms('cats purr')), title: countTerms(analyzer.terms('Cats')) },
 * ]);
 * index.search(analyzer.terms('cat'), 10); // [{ row: 7, score: 0.2212... }]
 */
export function buildBm25Index(rows: Iterable<AnalyzedChunk>, params: Bm25Params = {}): LexicalIndex {
  const b = checkParam('b', params.b ?? 0.4, 0, 1);
  const resolved: Required<Bm25Params> = {
    k1: checkParam('k1', params.k1 ?? 0.9, 0, 1000),
    b,
    titleWeight: checkParam('titleWeight', params.titleWeight ?? DEFAULT_TITLE_WEIGHT, 0, 1000),
    titleB: checkParam('titleB', params.titleB ?? b, 0, 1),
  };
  const postings = buildPostings(sortedChunks(rows), resolved);
  return createBm25Searcher(postings);
}

