import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Answer } from '../core/answer.js';
import type { Chunk, ScoredChunk } from '../core/document.js';
import type { Analyzer } from '../core/lexical-index.js';
import { buildBm25Index } from '../indexing/lexical/build-bm25-index.js';
import { countTerms } from '../indexing/lexical/count-terms.js';
import { createAnalyzer } from '../indexing/lexical/create-analyzer.js';
import { abstentionMessage, extractiveAnswer } from './extractive-answer.js';
import { measureEvidence } from './measure-evidence.js';

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

function answer(question: string, passages: readonly ScoredChunk[], minConfidence = 0.5, maxSentences?: number) {
  return extractiveAnswer(question, passages, {
    analyzer,
    idf,
    minConfidence,
    ...(maxSentences === undefined ? {} : { maxSentences }),
  });
}

/** Checks every citation against the document text and the answer's `[n]` markers. */
function assertCitationsExact(result: Omit<Answer, 'timings'>, passages: readonly ScoredChunk[]): void {
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
    const result = answer('Does gzip compress responses, and who renews certificates?', passages, 0.3);
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
    assert.equal(result.confidence, 0);
  });

  it('abstains when there are no passages, even with minConfidence 0', () => {
    const result = answer('How do I enable gzip compression?', [], 0);
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
    assert.equal(result.confidence, 0);
  });

  it(
    'never returns an empty, non-abstained answer when no sentence holds a question term',
    
    () => {
      // "TLS" is only in the chunk's title, heading path and `# TLS` line: confidence is 1, yet no sentence is quotable.
      const result = answer('TLS?', scored(tlsChunk), 0.5);
      assert.equal(result.confidence, 1);
      assert.ok(result.abstained || result.citations.length > 0, `got ${JSON.stringify(result)}`);
      const noContent = answer('what is it?', scored(compressIntro), 0);
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
    const result = answer('What command enables compression on a router?', passages, 0.5, 1);
    assert.equal(result.abstained, false);
    assertCitationsExact(result, passages);
    assert.equal(
      result.citations[0]?.quote,
      'To enable compression on a router, run this command:\n\n```sh\ntraefik --entrypoints.web.compress=true\n```',
    );
    // The quote keeps the fence (it is exact); the text a person reads does not.
    assert.equal(
      result.answer,
      'To enable compression on a router, run this command: traefik --entrypoints.web.compress=true [1]',
    );
  });

  it('honours maxSentences', () => {
    const passages = scored(compressIntro, compressEnabling, tlsChunk);
    const question = 'Are small responses or images compressed with gzip, and who renews certificates?';
    const three = answer(question, passages, 0.1, 3);
    assert.ok(three.citations.length >= 2, `expected several sentences, got ${three.citations.length}`);
    assert.ok(three.citations.length <= 3);
    const one = answer(question, passages, 0.1, 1);
    assert.equal(one.citations.length, 1);
    assert.deepEqual(one.citations[0], three.citations[0]);
    assertCitationsExact(one, passages);
    assert.equal((one.answer.match(/\[\d+\]/g) ?? []).length, 1);
  });

  it('adds a second sentence only when it covers new question terms', () => {
    // The second and third sentences of the passage hold only "compressed", already covered by the first.
    const passages = scored(compressEnabling);
    const onlyRepeats = answer('Are responses smaller than 1024 bytes compressed?', passages, 0.5, 3);
    assert.equal(onlyRepeats.abstained, false);
    assert.deepEqual(
      onlyRepeats.citations.map((citation) => citation.quote),
      ['Responses smaller than 1024 bytes are never compressed.'],
    );
    const newTerms = answer('Are responses smaller than 1024 bytes compressed, and are images skipped?', passages, 0.5, 3);
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
        minConfidence: 0.5,
      }).citations.map((citation) => citation.quote);
    const gzipSentence = 'The compress middleware shrinks responses with gzip before they are sent.';
    const imagesSentence = 'Images are skipped because they are compressed already.';
    // "images" is 1/21 of the question's weight: not worth a second quote.
    assert.deepEqual(withImagesWeight(1), [gzipSentence]);
    // At 5/25 of it, it is.
    assert.deepEqual(withImagesWeight(5), [gzipSentence, imagesSentence]);
  });

  it('respects minConfidence at the boundary', () => {
    const passages = scored(compressIntro);
    // "gzip" and "shrink" are in the passage, "brotli" is not: confidence is strictly between 0 and 1.
    const { confidence } = answer('Does brotli shrink like gzip?', passages, 0);
    assert.ok(confidence > 0 && confidence < 1, `confidence ${confidence}`);
    const atThreshold = answer('Does brotli shrink like gzip?', passages, confidence);
    assert.equal(atThreshold.abstained, false);
    assert.ok(atThreshold.citations.length > 0);
    assert.equal(answer('Does brotli shrink like gzip?', passages, confidence - 1e-9).abstained, false);
    const above = answer('Does brotli shrink like gzip?', passages, confidence + 1e-9);
    assert.equal(above.abstained, true);
    assert.equal(above.confidence, confidence);
  });

  it('reads only the first `passages` passages', () => {
    const passages = scored(routingIntro, tlsChunk, compressIntro);
    const options = { analyzer, idf, minConfidence: 0.5 };
    assert.equal(extractiveAnswer('Does gzip shrink responses?', passages, options).abstained, false);
    assert.equal(extractiveAnswer('Does gzip shrink responses?', passages, { ...options, passages: 2 }).abstained, true);
  });
});

describe('measureEvidence', () => {
  const evidence = (question: string, ...chunks: Chunk[]) => measureEvidence(question, scored(...chunks), { analyzer, idf });

  it('weighs each content term of the question by its idf, ignoring question words and repeats', () => {
    const weights = evidence('How do I enable gzip, gzip, gzip?', compressIntro);
    assert.deepEqual([...weights.terms.keys()].sort(), ['enabl', 'gzip']);
    assert.equal(weights.terms.get('gzip'), idf('gzip'));
    assert.equal(weights.total, idf('gzip') + idf('enabl'));
  });

  it('keeps confidence in [0, 1] and raises it as more question terms are covered', () => {
    const question = 'gzip certificates priority';
    const holding = (text: string): Chunk => ({ ...routingIntro, title: '', headingPath: [], text });
    const none = evidence(question, holding('Nothing relevant.')).confidence;
    const one = evidence(question, holding('Gzip.')).confidence;
    const two = evidence(question, holding('Gzip certificates.')).confidence;
    const all = evidence(question, holding('Gzip certificates by priority.')).confidence;
    assert.equal(none, 0);
    assert.ok(none < one && one < two && two < all, `${none} ${one} ${two} ${all}`);
    assert.equal(all, 1);
    // Terms spread over passages do not add up: confidence is the best single passage.
    const certificatesOnly = evidence(question, holding('Certificates.')).confidence;
    assert.equal(evidence(question, holding('Gzip.'), holding('Certificates.')).confidence, Math.max(one, certificatesOnly));
  });

  it('gives a rare term more weight than a common one', () => {
    // "gzip" is in one chunk of five, "responses" in three.
    assert.ok(idf('gzip') > idf('respons'));
    const question = 'gzip responses';
    const rareCovered = measureEvidence(question, scored({ ...compressIntro, text: 'Gzip.' }), { analyzer, idf });
    const commonCovered = measureEvidence(question, scored({ ...tlsChunk, headingPath: [], title: '' }), { analyzer, idf });
    assert.ok(rareCovered.confidence > 0.5, `rare ${rareCovered.confidence}`);
    assert.ok(commonCovered.confidence < 0.5, `common ${commonCovered.confidence}`);
    assert.ok(Math.abs(rareCovered.confidence + commonCovered.confidence - 1) < 1e-12);
  });

  it('counts terms found in the title and heading path, and only in the first three passages', () => {
    const body = { ...tlsChunk, title: '', headingPath: [], text: 'Certificates come from ACME.' };
    assert.equal(evidence('TLS', body).confidence, 0);
    assert.equal(evidence('TLS', { ...body, title: 'TLS' }).confidence, 1);
    assert.equal(evidence('TLS', { ...body, headingPath: ['HTTPS', 'TLS'] }).confidence, 1);
    assert.equal(evidence('gzip', routingIntro, routingDetails, tlsChunk, compressIntro).confidence, 0);
    assert.equal(evidence('gzip', routingIntro, routingDetails, compressIntro).confidence, 1);
  });

  it('gives confidence 0 to a question without content terms or without passages', () => {
    const noContent = evidence('What is it?', compressIntro);
    assert.equal(noContent.confidence, 0);
    assert.equal(noContent.total, 0);
    assert.equal(measureEvidence('gzip', [], { analyzer, idf }).confidence, 0);
  });

  it('clamps a negative idf to 0', () => {
    const weights = measureEvidence('gzip router', scored(routingIntro), {
      analyzer: analyzer satisfies Analyzer,
      idf: (term) => (term === 'gzip' ? -2 : 1),
    });
    assert.equal(weights.terms.get('gzip'), 0);
    assert.equal(weights.confidence, 1);
  });
});
