import type { Chunk } from '../../src/core/document.js';
import type { FieldTerms } from '../../src/core/lexical-index.js';
import type { KnowledgeBaseStore } from '../../src/core/store/store.js';
import type { ChunkToStore, DocumentToStore, SourceRecord, SourceUpsert } from '../../src/core/store/source-writer.js';
import { countTerms } from '../../src/indexing/lexical/count-terms.js';
import { createAnalyzer } from '../../src/indexing/lexical/create-analyzer.js';

const analyzer = createAnalyzer();

/** The root every fixture source is tracked under. */
export const fixtureRoot = '/srv/docs';

/** A document split into chunks, one per paragraph, each chunk under the given heading path. */
export function documentToStore(key: string, title: string, paragraphs: readonly string[], headingPaths: readonly (readonly string[])[] = []): DocumentToStore {
  const text = paragraphs.join('\n\n');
  let start = 0;
  const chunks: ChunkToStore[] = paragraphs.map((paragraph, ordinal) => {
    const chunkStart = text.indexOf(paragraph, start);
    start = chunkStart + paragraph.length;
    const headingPath = headingPaths[ordinal] ?? [];
    const chunk: Chunk = { id: `${key}#${ordinal}`, doc: key, title, ordinal, start: chunkStart, end: chunkStart + paragraph.length, text: paragraph, headingPath, tokens: analyzer.terms(paragraph).length };
    return { chunk, body: countTerms(analyzer.terms(paragraph)), title: countTerms(analyzer.terms(`${title}\n${headingPath.join('\n')}`)) };
  });
  return { document: { key, title, text, headings: [], metadata: { source: key, tags: ['a', 'b'] } }, chunks };
}

/** A tracked source record under {@link fixtureRoot}. */
export function source(path: string, hash = `hash-of-${path}`): SourceRecord {
  return { root: fixtureRoot, path, hash, size: hash.length, fingerprint: 'std1+chunk:300' };
}

/** A source and the documents it produced. */
export function upsert(path: string, ...documents: DocumentToStore[]): SourceUpsert {
  return { source: source(path), documents };
}

/** Field terms sorted, for comparisons. */
export function termsOf(field: FieldTerms): [string, number][] {
  return [...field.terms].sort(([left], [right]) => left.localeCompare(right));
}

export const guide = documentToStore(
  'guide.md',
  'Guide',
  ['Install the binary first.', 'Then run the server with --port 8080.', 'Logs go to stderr by default.'],
  [['Guide'], ['Guide', 'Running'], ['Guide', 'Running', 'Logs']],
);
export const faq = documentToStore('faq.md', 'FAQ', ['Why is it slow? Check the cache size.']);
export const recordOne = documentToStore('records/1', 'Record one', ['Compression uses gzip.']);
export const recordTwo = documentToStore('records/2', 'Record two', ['Routers match on host.', 'Rules can be combined.']);

/** Every observable fact about a knowledge base, for before/after comparisons. */
export async function observe(kb: KnowledgeBaseStore, keys: readonly string[]) {
  const { generation, rows } = await kb.chunks.indexRows();
  const documents = await kb.documents.byKeys(keys);
  return {
    generation,
    counts: await kb.counts(),
    sources: await kb.sources.list(),
    rows: rows.map((row) => ({ row: row.row, body: [...row.body.terms], title: [...row.title.terms] })),
    chunks: [...(await kb.chunks.byRows(rows.map((row) => row.row)))],
    documents: keys.map((key) => documents.get(key)),
    owners: [...(await kb.sources.owners(keys))],
  };
}
