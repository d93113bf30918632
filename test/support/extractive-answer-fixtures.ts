import assert from 'node:assert/strict';
import type { Answer } from '../../src/core/answer.js';
import type { Chunk, ScoredChunk } from '../../src/core/document.js';
import { buildBm25Index } from '../../src/indexing/lexical/build-bm25-index.js';
import { countTerms } from '../../src/indexing/lexical/count-terms.js';
import { createAnalyzer } from '../../src/indexing/lexical/create-analyzer.js';
import { extractiveAnswer } from '../../src/answer/extractive-answer.js';

// Fixtures of the extractive answerer's tests: three small documents, their chunks, a real BM25 index over them, and a
// check that every citation quotes its document exactly.

export interface TestDocument {
  readonly key: string;
  readonly title: string;
  readonly text: string;
}

export const compressionDoc: TestDocument = {
  key: 'middlewares/compress.md',
  title: 'Compress',
  text: [
    '# Compress',
    '',
    'The compress middleware shrinks responses with gzip before they are sent. It is off by default.',
    '',
    '## Enabling',
    '',
    'To enable compression on a router, run this command:',
    '',
    '```sh',
    'traefik --entrypoints.web.compress=true',
    '```',
    '',
    'Responses smaller than 1024 bytes are never compressed. Images are skipped because they are compressed already.',
  ].join('\n'),
};

export const routingDoc: TestDocument = {
  key: 'routing/rules.md',
  title: 'Routing rules',
  text: [
    '# Routing rules',
    '',
    'A router matches requests with a rule and sends them to a service.',
    '',
    'Rules can match the host header, the path prefix or a query parameter of requests.',
    '',
    'Routers are evaluated by priority; the longest rule wins when priorities tie.',
  ].join('\n'),
};

export const tlsDoc: TestDocument = {
  key: 'https/tls.md',
  title: 'TLS',
  text: [
    '# TLS',
    '',
    'Certificates for responses over HTTPS come from a resolver such as ACME.',
    '',
    'The resolver renews certificates thirty days before they expire.',
  ].join('\n'),
};

export const documents = new Map([compressionDoc, routingDoc, tlsDoc].map((document) => [document.key, document]));

/** A chunk of `document` covering exactly `piece`, which must occur once in its text. */
export function chunkOf(document: TestDocument, ordinal: number, piece: string, headingPath: readonly string[] = []): Chunk {
  const start = document.text.indexOf(piece);
  assert.ok(start >= 0 && document.text.indexOf(piece, start + 1) === -1, `piece must occur once in ${document.key}`);
  return {
    id: `${document.key}#${ordinal}`,
    doc: document.key,
    title: document.title,
    ordinal,
    start,
    end: start + piece.length,
    text: piece,
    headingPath,
    tokens: piece.split(/\s+/).length,
  };
}

export const compressIntro = chunkOf(
  compressionDoc,
  0,
  '# Compress\n\nThe compress middleware shrinks responses with gzip before they are sent. It is off by default.',
  ['Compress'],
);
export const compressEnabling = chunkOf(
  compressionDoc,
  1,
  compressionDoc.text.slice(compressionDoc.text.indexOf('## Enabling')),
  ['Compress', 'Enabling'],
);
export const routingIntro = chunkOf(
  routingDoc,
  0,
  '# Routing rules\n\nA router matches requests with a rule and sends them to a service.',
  ['Routing rules'],
);
export const routingDetails = chunkOf(
  routingDoc,
  1,
  routingDoc.text.slice(routingDoc.text.indexOf('Rules can match')),
  ['Routing rules'],
);
export const tlsChunk = chunkOf(tlsDoc, 0, tlsDoc.text, ['TLS']);
export const allChunks = [compressIntro, compressEnabling, routingIntro, routingDetails, tlsChunk];

export const analyzer = createAnalyzer();
// A real BM25 index over the chunks: `respons` is in three of five chunks (common), `gzip` in one (rare).
export const index = buildBm25Index(
  allChunks.map((chunk, row) => ({
    row,
    body: countTerms(analyzer.terms(chunk.text)),
    title: countTerms(analyzer.terms(`${chunk.title}\n${chunk.headingPath.join('\n')}`)),
  })),
);
export const idf = (term: string): number => index.idf(term);

export function scored(...chunks: readonly Chunk[]): ScoredChunk[] {
  return chunks.map((chunk, position) => ({ chunk, score: 10 - position, rank: position + 1 }));
}

export function answer(question: string, passages: readonly ScoredChunk[], maxSentences?: number) {
  return extractiveAnswer(question, passages, {
    analyzer,
    idf,
    ...(maxSentences === undefined ? {} : { maxSentences }),
  });
}

/** Checks every citation against the document text and the answer's `[n]` markers. */
export function assertCitationsExact(result: Omit<Answer, 'timings' | 'confidence'>, passages: readonly ScoredChunk[]): void {
  const markers = [...result.answer.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1]));
  assert.deepEqual(markers, result.citations.map((citation) => citation.n));
  assert.deepEqual(
    result.citations.map((citation) => citation.n),
    result.citations.map((_citation, position) => position + 1),
  );
  for (const citation of result.citations) {
    const document = documents.get(citation.doc);
    assert.ok(document !== undefined, `citation of unknown doc ${citation.doc}`);
    assert.equal(citation.quote, document.text.slice(citation.start, citation.end));
    const source = passages.find((passage) => passage.chunk.id === citation.chunkId)?.chunk;
    assert.ok(source !== undefined, `citation of a chunk not passed in: ${citation.chunkId}`);
    assert.equal(source.doc, citation.doc);
    assert.ok(citation.start >= source.start && citation.end <= source.end, 'the quote lies inside its chunk');
  }
}
