import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Chunk, ScoredChunk } from '../../core/document.js';
import { isGroundedError } from '../../core/errors.js';
import { verifyCitations, type CitableSource } from './verify-citations.js';

const compressDoc = [
  '# Compress',
  '',
  'The compress middleware shrinks responses with gzip before they are sent. It is off by default.',
  '',
  '## Enabling',
  '',
  'To enable compression on a router, add the middleware to its list. Responses smaller than 1024 bytes are never compressed.',
].join('\n');
const tlsDoc = '# TLS\n\nCertificates come from a resolver such as ACME. The resolver renews certificates thirty days before they expire.';
const documents: Record<string, string> = { 'compress.md': compressDoc, 'tls.md': tlsDoc };

function chunkOf(doc: string, from: string, to: string | undefined, headingPath: string[], ordinal: number): ScoredChunk {
  const text = documents[doc] as string;
  const start = text.indexOf(from);
  const end = to === undefined ? text.length : text.indexOf(to) + to.length;
  const chunk: Chunk = { id: `${doc}#${ordinal}`, doc, title: doc, ordinal, start, end, text: text.slice(start, end), headingPath, tokens: 0 };
  return { chunk, score: 1, rank: ordinal + 1 };
}

const sources: CitableSource[] = [
  { n: 1, passage: chunkOf('compress.md', 'The compress middleware', 'off by default.', ['Compress'], 0) },
  { n: 2, passage: chunkOf('compress.md', '## Enabling', undefined, ['Compress', 'Enabling'], 1) },
  { n: 3, passage: chunkOf('tls.md', '# TLS', undefined, ['TLS'], 0) },
];

const answer =
  'Compression is off by default [1]. ' +
  'Responses smaller than 1024 bytes are never compressed, and certificates are renewed by the resolver [2][3]. ' +
  'Traefik was written in Rust by Google engineers [1]. ' +
  'Certificates expire after a week [7].';

describe('verifyCitations', () => {
  it('flags a fabricated [7] as dangling and its sentence as unsupported', async () => {
    const result = await verifyCitations(answer, sources);
    assert.deepEqual(result.dangling, [7]);
    const fabricated = result.sentences[3];
    assert.deepEqual(fabricated?.dangling, [7]);
    assert.equal(fabricated?.supported, false);
    assert.equal(fabricated?.support, 0);
    assert.equal(result.unsupported, 2);
  });

  it('flags a cited sentence its source does not support', async () => {
    const result = await verifyCitations(answer, sources);
    const invented = result.sentences[2];
    assert.equal(invented?.claim, 'Traefik was written in Rust by Google engineers.');
    assert.deepEqual(invented?.markers, [1]);
    assert.deepEqual(invented?.dangling, []);
    assert.equal(invented?.supported, false);
    assert.ok((invented?.support ?? 1) < 0.5);
  });

  it('supports a correct sentence and cites the exact span of the best-matching passage sentence', async () => {
    const result = await verifyCitations(answer, sources);
    assert.equal(result.sentences[0]?.supported, true);
    assert.equal(result.sentences[0]?.support, 1);
    const first = result.citations.find((citation) => citation.n === 1);
    assert.deepEqual(first, {
      n: 1,
      doc: 'compress.md',
      start: compressDoc.indexOf('It is off'),
      end: compressDoc.indexOf('It is off') + 'It is off by default.'.length,
      quote: 'It is off by default.',
      chunkId: 'compress.md#0',
    });
    for (const citation of result.citations) {
      assert.equal(documents[citation.doc]?.slice(citation.start, citation.end), citation.quote);
    }
  });

  it('checks a multi-marker sentence against the union of its sources and cites each of them', async () => {
    const result = await verifyCitations(answer, sources);
    const multi = result.sentences[1];
    assert.deepEqual(multi?.markers, [2, 3]);
    assert.equal(multi?.supported, true);
    assert.equal(multi?.support, 1);
    assert.deepEqual(result.citations.map((citation) => [citation.n, citation.quote]), [
      [1, 'It is off by default.'],
      [2, 'Responses smaller than 1024 bytes are never compressed.'],
      [3, 'The resolver renews certificates thirty days before they expire.'],
    ]);
    // Either source alone covers only part of the claim.
    const onlyTwo = await verifyCitations(answer, sources.filter((source) => source.n !== 3));
    assert.ok((onlyTwo.sentences[1]?.support ?? 1) < 1);
  });

  it('gives two claims citing the same source their own spans', async () => {
    const result = await verifyCitations('Compression is off by default [1]. Responses are shrunk with gzip [1].', sources);
    const spans = result.citations.filter((citation) => citation.n === 1).map((citation) => citation.quote);
    assert.equal(spans.length, 2);
    assert.ok(spans.includes('It is off by default.'));
    assert.ok(spans.some((quote) => /gzip/.test(quote)));
  });

  it('applies minSupport to the share of content words found', async () => {
    const half = 'Compression is off by default in Rust [1].'; // compress, default found; rust not: 2 of 3
    assert.equal((await verifyCitations(half, sources)).sentences[0]?.supported, true);
    assert.equal((await verifyCitations(half, sources, { minSupport: 0.7 })).sentences[0]?.supported, false);
    assert.equal((await verifyCitations(half, sources, { minSupport: 0.7 })).sentences[0]?.support, 2 / 3);
  });

  it('lets a judge decide, given the claim and the cited passages', async () => {
    const calls: [string, string][] = [];
    const result = await verifyCitations(answer, sources, {
      judge: async (claim, evidence) => {
        calls.push([claim, evidence]);
        return claim.startsWith('Traefik');
      },
    });
    assert.deepEqual(result.sentences.map((sentence) => sentence.supported), [false, false, true, false]);
    // The dangling-only sentence has no evidence to judge.
    assert.equal(calls.length, 3);
    assert.ok(calls[1]?.[1].includes('1024 bytes') && calls[1][1].includes('thirty days'));
  });

  it('treats uncited claims as unsupported and sentences without content words as supported', async () => {
    const result = await verifyCitations('Yes [1]. Compression is off by default.', sources);
    assert.deepEqual(result.sentences.map((sentence) => [sentence.supported, sentence.support]), [[true, 1], [false, 0]]);
    assert.deepEqual(result.citations.map((citation) => citation.n), [1]);
  });

  it('rejects duplicate source numbers and an out-of-range minSupport', async () => {
    const duplicate = [...sources, { n: 1, passage: sources[2]?.passage as ScoredChunk }];
    await assert.rejects(verifyCitations(answer, duplicate), (error) => isGroundedError(error, 'INTERNAL'));
    await assert.rejects(verifyCitations(answer, sources, { minSupport: 1.5 }), (error) => isGroundedError(error, 'INVALID_ARGUMENT'));
  });
});
