import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { abstentionMessage, extractiveAnswer } from './extractive-answer.js';
import { analyzer, answer, assertCitationsExact, compressEnabling, compressIntro, compressionDoc, idf, routingDetails, routingDoc, routingIntro, scored, tlsChunk, tlsDoc } from '../../test/support/extractive-answer-fixtures.js';

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
