import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { encode } from 'gpt-tokenizer';
import { createApproximateTokenCounter } from './approximate-token-counter.js';

const traefikDocs = fileURLToPath(new URL('../../../../shared/datasets/traefik-docs/docs', import.meta.url));
const scifactCorpus = fileURLToPath(new URL('../../../../shared/datasets/beir-scifact/corpus.jsonl.gz', import.meta.url));

function markdownFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

interface Comparison {
  readonly estimated: number;
  readonly actual: number;
  readonly worst: { readonly ratio: number; readonly name: string };
}

function compare(samples: readonly { name: string; text: string }[]): Comparison {
  const counter = createApproximateTokenCounter();
  let estimated = 0;
  let actual = 0;
  let worst = { ratio: Number.POSITIVE_INFINITY, name: '' };
  for (const { name, text } of samples) {
    const estimate = counter.count(text);
    const reference = encode(text).length;
    estimated += estimate;
    actual += reference;
    if (reference >= 20 && estimate / reference < worst.ratio) worst = { ratio: estimate / reference, name };
  }
  return { estimated, actual, worst };
}

describe('createApproximateTokenCounter', () => {
  const counter = createApproximateTokenCounter();

  it('is identified as approx-v1', () => {
    assert.equal(counter.id, 'approx-v1');
  });

  it('counts nothing as zero and common words as one token each', () => {
    assert.equal(counter.count(''), 0);
    assert.equal(counter.count('   '), 2);
    assert.equal(counter.count('the cat sat on the mat'), 6);
  });

  it('charges long words, digit groups, punctuation, CJK and emoji', () => {
    assert.ok(counter.count('internationalization') > counter.count('nation'));
    assert.equal(counter.count('123456789'), Math.ceil(3 * 1.75));
    assert.ok(counter.count('a.b.c.d') > counter.count('abcd'));
    assert.equal(counter.count('你好世界'), 4);
    assert.equal(counter.count('😀😀'), 3);
  });

  it('is within 15% of gpt-tokenizer on the traefik docs, and never under 70% for one file', { skip: existsSync(traefikDocs) ? false : `${traefikDocs} not present` }, () => {
    const files = markdownFiles(traefikDocs).sort();
    // Every second file keeps the test quick while still covering reference pages, guides and tables.
    const samples = files.filter((_, index) => index % 2 === 0).map((path) => ({ name: path, text: readFileSync(path, 'utf8') }));
    assert.ok(samples.length >= 50, `expected the traefik docs at ${traefikDocs}`);
    const { estimated, actual, worst } = compare(samples);
    const ratio = estimated / actual;
    assert.ok(ratio > 0.85 && ratio < 1.15, `aggregate estimate/actual ${ratio.toFixed(3)}`);
    assert.ok(worst.ratio >= 0.7, `${worst.name}: estimate/actual ${worst.ratio.toFixed(3)}`);
  });

  it('is within 15% of gpt-tokenizer on SciFact abstracts', { skip: existsSync(scifactCorpus) ? false : `${scifactCorpus} not present` }, () => {
    const lines = gunzipSync(readFileSync(scifactCorpus)).toString('utf8').split('\n').slice(0, 500);
    const samples = lines
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const record = JSON.parse(line) as { _id: string; title: string; text: string };
        return { name: record._id, text: `${record.title}\n\n${record.text}` };
      });
    const { estimated, actual, worst } = compare(samples);
    const ratio = estimated / actual;
    assert.ok(ratio > 0.85 && ratio < 1.15, `aggregate estimate/actual ${ratio.toFixed(3)}`);
    assert.ok(worst.ratio >= 0.7, `${worst.name}: estimate/actual ${worst.ratio.toFixed(3)}`);
  });
});
