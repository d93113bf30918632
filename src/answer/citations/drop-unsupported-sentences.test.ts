import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Chunk, ScoredChunk } from '../../core/document.js';
import { dropUnsupportedSentences } from './drop-unsupported-sentences.js';
import { verifyCitations, type CitableSource } from './verify-citations.js';

const documentText = [
  'The compress middleware shrinks responses with gzip. It is off by default.',
  'Responses smaller than 1024 bytes are never compressed.',
  'Certificates come from a resolver such as ACME. The resolver renews certificates thirty days before they expire.',
].join('\n\n');

function source(n: number, paragraph: number): CitableSource {
  const text = documentText.split('\n\n')[paragraph] as string;
  const start = documentText.indexOf(text);
  const chunk: Chunk = { id: `guide.md#${paragraph}`, doc: 'guide.md', title: 'Guide', ordinal: paragraph, start, end: start + text.length, text, headingPath: [], tokens: 0 };
  const passage: ScoredChunk = { chunk, score: 1, rank: n };
  return { n, passage };
}

const sources = [source(1, 0), source(2, 1), source(3, 2)];

async function drop(answer: string) {
  return dropUnsupportedSentences(answer, await verifyCitations(answer, sources));
}

describe('dropUnsupportedSentences', () => {
  it('removes unsupported sentences and renumbers the kept markers 1..k with their citations', async () => {
    const answer =
      'Traefik is written in Rust [1]. Responses under 1024 bytes are never compressed [2, 7]. ' +
      'Certificates are renewed thirty days before expiry and compression is off by default [3][1].';
    const verification = await verifyCitations(answer, sources);
    const result = dropUnsupportedSentences(answer, verification);
    assert.equal(
      result.text,
      'Responses under 1024 bytes are never compressed [1]. ' +
        'Certificates are renewed thirty days before expiry and compression is off by default [2][3].',
    );
    assert.equal(result.dropped, 1);
    assert.deepEqual(result.citations.map((citation) => [citation.n, citation.chunkId]), [
      [1, 'guide.md#1'],
      [2, 'guide.md#2'],
      [3, 'guide.md#0'],
    ]);
    // Renumbering moves numbers only: each quote is still the document's text at its span.
    for (const citation of result.citations) assert.equal(documentText.slice(citation.start, citation.end), citation.quote);
    const before = new Map(verification.citations.map((citation) => [citation.chunkId, citation.quote]));
    for (const citation of result.citations) assert.equal(citation.quote, before.get(citation.chunkId));
  });

  it('removes a dangling marker with the space before it, keeping the supported sentence', async () => {
    const result = await drop('Responses under 1024 bytes are never compressed [2] [9].');
    assert.equal(result.text, 'Responses under 1024 bytes are never compressed [1].');
    assert.equal(result.dropped, 0);
  });

  it('keeps paragraph and list breaks between kept sentences', async () => {
    assert.equal(
      (await drop('It is off by default [1]. Rust powers it [1].\n\nSmall responses under 1024 bytes are never compressed [2].')).text,
      'It is off by default [1].\n\nSmall responses under 1024 bytes are never compressed [2].',
    );
    assert.equal(
      (await drop('- It is off by default [1].\n- Rust powers it [1].\n- The resolver renews certificates [3].')).text,
      '- It is off by default [1].\n- The resolver renews certificates [2].',
    );
    assert.equal((await drop('Rust powers it [1]. It is off by default [1].')).text, 'It is off by default [1].');
  });

  it('returns empty text and no citations when nothing is supported', async () => {
    const result = await drop('Rust powers it [1]. Go is faster [8].');
    assert.deepEqual(result, { text: '', citations: [], dropped: 2 });
  });
});
