import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Answer } from '../core/answer.js';
import type { Chunk, ScoredChunk } from '../core/document.js';
import { buildBm25Index } from '../indexing/lexical/build-bm25-index.js';
import { countTerms } from '../indexing/lexical/count-terms.js';
import { createAnalyzer } from '../indexing/lexical/create-analyzer.js';
import { abstentionMessage, extractiveAnswer } from './extractive-answer.js';

interface TestDocument {
  readonly key: string;
  readonly title: string;
  readonly text: string;
}

const compressionDoc: TestDocument = {
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

const routingDoc: TestDocument = {
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

const tlsDoc: TestDocument = {
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

const documents = new Map([compressionDoc, routingDoc, tlsDoc].map((document) => [document.key, document]));

/** A chunk of `document` covering exactly `piece`, which must occur once in its text. */
function chunkOf(document: TestDocument, ordinal: number, piece: string, headingPath: readonly string[] = []): Chunk {
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

const compressIntro = chunkOf(
  compressionDoc,
  0,
  '# Compress\n\nThe compress middleware shrinks responses with gzip before they are sent. It is off by default.',
  ['Compress'],
);
const compressEnabling = chunkOf(
  compressionDoc,
  1,
  compressionDoc.text.slice(compressionDoc.text.indexOf('## Enabling')),
  ['Compress', 'Enabling'],
);
const routingIntro = chunkOf(
  routingDoc,
  0,
  '# Routing rules\n\nA router matches requests with a rule and sends them to a service.',
  ['Routing rules'],
);
const routingDetails = chunkOf(
  routingDoc,
  1,
  routingDoc.text.slice(routingDoc.text.indexOf('Rules can match')),
  ['Routing rules'],
);
const tlsChunk = chunkOf(tlsDoc, 0, tlsDoc.text, ['TLS']);
const allChunks = [compressIntro, compressEnabling, routingIntro, routingDetails, tlsChunk];

const analyzer = createAnalyzer();
// A real BM25 index over the chunks: `respons` is in three of five chunks (common), `gzip` in one (rare).
const index = buildBm25Index(
  allChunks.map((chunk, row) => ({
    row,
    body: countTerms(analyzer.terms(chunk.text)),
    title: countTerms(analyzer.terms(`${chunk.title}\n${chunk.headingPath.join('\n')}`)),
  })),
);
const idf = (term: string): number => index.idf(term);

function scored(...chunks: readonly Chunk[]): ScoredChunk[] {
  return chunks.map((chunk, position) => ({ chunk, score: 10 - position, rank: position + 1 }));
}

function answer(question: string, passages: readonly ScoredChunk[], maxSentences?: number) {
  return extractiveAnswer(question, passages, {
    analyzer,
    idf,
    ...(maxSentences === undefined ? {} : { maxSentences }),
  });
}

/** Checks every citation against the document text and the answer's `[n]` markers. */
function assertCitationsExact(result: Omit<Answer, 'timings' | 'confidence'>, passages: readonly ScoredChunk[]): void {
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

describe('extractiveAnswer', () => {
  it('quotes exact spans with [n] markers matching its citations', () => {
    const passages = scored(routingDetails, compressIntro, routingIntro);
    const result = answer('Which rule wins when router priorities tie?', passages);
    assert.equal(result.abstained, false);
    assert.ok(result.citations.length >= 1);
    assertCitationsExact(result, passages);
    const first = result.citations[0];
    assert.equal(first?.doc, routingDoc.key);
    assert.equal(first?.chunkId, 'routing/rules.md#1');
    assert.equal(first?.quote, 'Routers are evaluated by priority; the longest rule wins when priorities tie.');
    assert.match(result.answer, /^Routers are evaluated by priority; the longest rule wins when priorities tie\. \[1\]/);
  });

  it('cites the right document and chunk when passages come from several documents', () => {
    const passages = scored(compressIntro, tlsChunk, routingIntro);
    const result = answer('Does gzip compress responses, and who renews certificates?', passages);
    assert.equal(result.abstained, false);
    assertCitationsExact(result, passages);
    assert.deepEqual(
      result.citations.map((citation) => citation.chunkId).sort(),
      ['https/tls.md#0', 'middlewares/compress.md#0'],
    );
    const renew = result.citations.find((citation) => citation.doc === tlsDoc.key);
    assert.equal(renew?.quote, 'The resolver renews certificates thirty days before they expire.');
  });

  it('abstains when the question terms are missing from the passages', () => {
    const result = answer('How do I configure rate limiting for websockets?', scored(compressIntro, routingIntro));
    assert.equal(result.abstained, true);
    assert.equal(result.answer, abstentionMessage);
    assert.deepEqual(result.citations, []);
  });

  it('abstains when there are no passages', () => {
    const result = answer('How do I enable gzip compression?', []);
    assert.equal(result.abstained, true);
    assert.equal(result.answer, abstentionMessage);
    assert.deepEqual(result.citations, []);
    assert.equal(result.question, 'How do I enable gzip compression?');
  });

  it('abstains when the question has no content words', () => {
    const result = answer('what is it?', scored(compressIntro, compressEnabling));
    assert.equal(result.abstained, true);
    assert.equal(result.answer, abstentionMessage);
    assert.deepEqual(result.citations, []);
  });

  it(
    'never returns an empty, non-abstained answer when no sentence holds a question term',
    
    () => {
      // "TLS" is only in the chunk's title, heading path and `# TLS` line: no sentence is quotable.
      const result = answer('TLS?', scored(tlsChunk));
      assert.ok(result.abstained || result.citations.length > 0, `got ${JSON.stringify(result)}`);
      const noContent = answer('what is it?', scored(compressIntro));
      assert.ok(noContent.abstained || noContent.citations.length > 0, `got ${JSON.stringify(noContent)}`);
    },
  );

  it('never quotes a heading line', () => {
    // "TLS" is only in the `# TLS` heading, which would add a rare question term: it must still not be quoted.
    const passages = scored(tlsChunk, compressIntro);
    const result = answer('Where do TLS certificates come from?', passages);
    assert.equal(result.abstained, false);
    assertCitationsExact(result, passages);
    for (const citation of result.citations) assert.doesNotMatch(citation.quote, /^#{1,6}\s/m);
    assert.deepEqual(
      result.citations.map((citation) => citation.quote),
      ['Certificates for responses over HTTPS come from a resolver such as ACME.'],
    );
  });

  it('quotes a sentence ending with a colon together with the code block that follows', () => {
    const passages = scored(compressEnabling);
    const result = answer('What command enables compression on a router?', passages, 1);
    assert.equal(result.abstained, false);
    assertCitationsExact(result, passages);
    assert.equal(
      result.citations[0]?.quote,
      'To enable compression on a router, run this command:\n\n```sh\ntraefik --entrypoints.web.compress=true\n```',
    );
    // The code block is kept as a block, never flattened into the sentence; the marker stays on the prose line.
    assert.equal(
      result.answer,
      'To enable compression on a router, run this command: [1]\n```sh\ntraefik --entrypoints.web.compress=true\n```',
    );
  });

  it('honours maxSentences', () => {
    const passages = scored(compressIntro, compressEnabling, tlsChunk);
    const question = 'Are small responses or images compressed with gzip, and who renews certificates?';
    const three = answer(question, passages, 3);
    assert.ok(three.citations.length >= 2, `expected several sentences, got ${three.citations.length}`);
    assert.ok(three.citations.length <= 3);
    const one = answer(question, passages, 1);
    assert.equal(one.citations.length, 1);
    assert.deepEqual(one.citations[0], three.citations[0]);
    assertCitationsExact(one, passages);
    assert.equal((one.answer.match(/\[\d+\]/g) ?? []).length, 1);
  });

  it('adds a second sentence only when it covers new question terms', () => {
    // The second and third sentences of the passage hold only "compressed", already covered by the first.
    const passages = scored(compressEnabling);
    const onlyRepeats = answer('Are responses smaller than 1024 bytes compressed?', passages, 3);
    assert.equal(onlyRepeats.abstained, false);
    assert.deepEqual(
      onlyRepeats.citations.map((citation) => citation.quote),
      ['Responses smaller than 1024 bytes are never compressed.'],
    );
    const newTerms = answer('Are responses smaller than 1024 bytes compressed, and are images skipped?', passages, 3);
    assert.deepEqual(
      newTerms.citations.map((citation) => citation.quote),
      [
        'Responses smaller than 1024 bytes are never compressed.',
        'Images are skipped because they are compressed already.',
      ],
    );
    assertCitationsExact(newTerms, passages);
  });

  it('skips a further sentence whose new terms are only a small share of the question', () => {
    const passages = scored(compressIntro, compressEnabling);
    const question = 'gzip middleware images';
    const withImagesWeight = (weight: number) =>
      extractiveAnswer(question, passages, {
        analyzer,
        idf: (term) => (term === 'imag' ? weight : 10),
      }).citations.map((citation) => citation.quote);
    const gzipSentence = 'The compress middleware shrinks responses with gzip before they are sent.';
    const imagesSentence = 'Images are skipped because they are compressed already.';
    // "images" is 1/21 of the question's weight: not worth a second quote.
    assert.deepEqual(withImagesWeight(1), [gzipSentence]);
    // At 5/25 of it, it is.
    assert.deepEqual(withImagesWeight(5), [gzipSentence, imagesSentence]);
  });

  it('reads only the first `passages` passages', () => {
    const passages = scored(routingIntro, tlsChunk, compressIntro);
    const options = { analyzer, idf };
    const all = extractiveAnswer('Does gzip shrink responses?', passages, options);
    assert.equal(all.citations[0]?.doc, compressionDoc.key);
    const two = extractiveAnswer('Does gzip shrink responses?', passages, { ...options, passages: 2 });
    assert.ok(two.citations.every((citation) => citation.doc !== compressionDoc.key), JSON.stringify(two.citations));
  });
});

describe('extractiveAnswer as a reader', () => {
  const bufferingDoc: TestDocument = {
    key: 'middlewares/buffering.md',
    title: 'Buffering',
    text: [
      '# Buffering',
      '',
      'The buffering middleware reads the whole request body before it is forwarded.',
      '',
      '| Field | Description | Default | Required |',
      '|:------|:------------|:--------|:---------|',
      '| `maxRequestBodyBytes` | Largest request body accepted, in bytes. | 0 | No |',
      '| `memRequestBodyBytes` | Threshold (in bytes) from which the request will be buffered on disk instead of in memory. | 1048576 | No |',
      '',
      'Buffering applies to requests and responses alike.',
    ].join('\n'),
  };
  documents.set(bufferingDoc.key, bufferingDoc);
  const table = chunkOf(bufferingDoc, 0, bufferingDoc.text, ['Buffering']);

  it('reads a table row under its header and quotes the row exactly', () => {
    const passages = scored(table);
    const result = answer('Above what size is a request buffered on disk instead of in memory by default?', passages, 1);
    assertCitationsExact(result, passages);
    assert.match(result.citations[0]?.quote ?? '', /^\| `memRequestBodyBytes` \|.*\| 1048576 \| No \|$/);
    assert.match(result.answer, /Default: 1048576; Required: No \[1\]$/);
    assert.match(result.answer, /^Field: memRequestBodyBytes; Description: Threshold/);
  });

  it('prefers the unit holding the kind of value asked for', () => {
    const passages = scored(compressEnabling);
    // Both sentences name "responses"; only one holds a size.
    const result = answer('How small must responses be to stay uncompressed, in bytes?', passages, 1);
    assert.equal(result.citations[0]?.quote, 'Responses smaller than 1024 bytes are never compressed.');
  });
});
