import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { ChunkSpan, Heading, LoadedDocument } from '../../core/document.js';
import type { TokenCounter } from '../../core/token-counter.js';
import { createApproximateTokenCounter } from './approximate-token-counter.js';
import { chunkDocument } from './chunk-document.js';

const approximate = createApproximateTokenCounter();
// One token per UTF-16 code unit: makes budgets in hand-written examples easy to reason about.
const perCharacter: TokenCounter = { id: 'chars', count: (text) => text.length };

/** ATX headings outside fenced code, found the simple way (the real loader is tested elsewhere). */
function headingsOf(text: string): Heading[] {
  const headings: Heading[] = [];
  let inFence = false;
  let offset = 0;
  for (const line of text.split('\n')) {
    if (/^ {0,3}(```|~~~)/.test(line)) inFence = !inFence;
    const match = inFence ? null : /^(#{1,6})[ \t]+(.*?)[ \t#]*$/.exec(line);
    if (match !== null) {
      headings.push({ level: (match[1] as string).length, text: match[2] as string, start: offset, end: offset + line.length });
    }
    offset += line.length + 1;
  }
  return headings;
}

function documentOf(text: string, key = 'test.md'): LoadedDocument {
  return { key, title: '', text, headings: headingsOf(text), metadata: {} };
}

/** Titles of the headings enclosing `offset`, outermost first, computed naively from the heading list. */
function pathAt(headings: readonly Heading[], offset: number): string[] {
  const stack: Heading[] = [];
  for (const heading of headings) {
    if (heading.start > offset) break;
    while (stack.length > 0 && (stack[stack.length - 1] as Heading).level >= heading.level) stack.pop();
    stack.push(heading);
  }
  return stack.map((heading) => heading.text);
}

interface Budget {
  readonly maxTokens: number;
  readonly overlapTokens: number;
  readonly counter: TokenCounter;
}

/** The invariants every chunking must keep, checked against the document itself. */
function assertInvariants(document: LoadedDocument, chunks: readonly ChunkSpan[], budget: Budget): void {
  const { text, headings } = document;
  const covered = new Uint8Array(text.length);
  chunks.forEach((chunk, index) => {
    assert.equal(chunk.text, text.slice(chunk.start, chunk.end), `chunk ${index} slices back`);
    assert.ok(chunk.text.length > 0 && chunk.text === chunk.text.trim(), `chunk ${index} is trimmed and not empty`);
    assert.equal(chunk.tokens, budget.counter.count(chunk.text), `chunk ${index} tokens are measured`);
    assert.ok(chunk.tokens <= budget.maxTokens, `chunk ${index} has ${chunk.tokens} > ${budget.maxTokens} tokens`);
    assert.deepEqual(chunk.headingPath, pathAt(headings, chunk.start), `chunk ${index} heading path`);
    covered.fill(1, chunk.start, chunk.end);
    const previous = chunks[index - 1];
    if (previous === undefined) return;
    assert.ok(chunk.start > previous.start && chunk.end > previous.end, `chunk ${index} is ordered`);
    if (chunk.start < previous.end) {
      const overlap = text.slice(chunk.start, previous.end);
      assert.ok(budget.counter.count(overlap) <= budget.overlapTokens, `chunk ${index} overlap is within budget`);
      assert.ok(!headings.some((heading) => heading.start >= chunk.start && heading.start < previous.end), `chunk ${index} overlap stays in its section`);
    }
  });
  for (let offset = 0; offset < text.length; offset++) {
    if (covered[offset] === 0 && /\S/.test(text.charAt(offset))) {
      assert.fail(`character ${JSON.stringify(text.charAt(offset))} at ${offset} is in no chunk`);
    }
  }
}

const word = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom('the', 'router', 'Traefik', 'configuration', 'a', 'TLS', 'is', 'v3', '2.10') },
  { weight: 2, arbitrary: fc.constantFrom('中文字符', '😀', 'naïve', 'Ünïcode', 'e.g.', 'Dr.', '`code`', '[link](http://x.y/z)') },
  { weight: 1, arbitrary: fc.integer({ min: 20, max: 900 }).map((length) => 'x'.repeat(length)) },
  { weight: 1, arbitrary: fc.integer({ min: 5, max: 300 }).map((length) => '😀'.repeat(length)) },
);
const sentence = fc
  .tuple(fc.array(word, { minLength: 1, maxLength: 25 }), fc.constantFrom('.', '!', '?', '', '。'))
  .chain(([words, end]) => fc.constantFrom(' ', ' ', '\u3000', '\u00a0', ' \t').map((space) => words.join(space) + end));
const paragraph = fc
  .array(fc.tuple(sentence, fc.constantFrom(' ', ' ', '\n')), { minLength: 1, maxLength: 12 })
  .map((parts) => parts.map(([text, separator]) => text + separator).join('').trim());
const heading = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.array(word, { minLength: 1, maxLength: 4 }))
  .map(([level, words]) => `${'#'.repeat(level)} ${words.join(' ')}`);
const codeBlock = fc
  .array(fc.oneof(sentence, fc.constant(''), fc.constant('    indented();')), { minLength: 0, maxLength: 30 })
  .map((lines) => ['```yaml', ...lines, '```'].join('\n'));
const table = fc
  .array(fc.array(word, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 20 })
  .map((rows) => rows.map((cells) => `| ${cells.join(' | ')} |`).join('\n'));
const list = fc.array(sentence, { minLength: 1, maxLength: 10 }).map((items) => items.map((item) => `- ${item}`).join('\n'));
const markdown = fc
  .array(
    fc.tuple(
      fc.oneof({ weight: 3, arbitrary: paragraph }, { weight: 2, arbitrary: heading }, codeBlock, table, list),
      fc.constantFrom('\n\n', '\n\n', '\n', '\n\n\n  \n'),
    ),
    { maxLength: 25 },
  )
  .chain((blocks) => fc.constantFrom('', '  \n').map((lead) => lead + blocks.map(([block, separator]) => block + separator).join('')));
const budget = fc
  .tuple(fc.constantFrom(8, 16, 32, 64, 128, 384), fc.constantFrom(approximate, perCharacter))
  .chain(([maxTokens, counter]) =>
    fc.integer({ min: 0, max: Math.floor(maxTokens / 2) }).map((overlapTokens) => ({ maxTokens, overlapTokens, counter })),
  );

describe('chunkDocument', () => {
  it('keeps its invariants on random Markdown documents', () => {
    fc.assert(
      fc.property(markdown, budget, (text, options) => {
        const document = documentOf(text);
        assertInvariants(document, chunkDocument(document, options), options);
      }),
      { numRuns: 300 },
    );
  });

  it('returns no chunk for an empty or whitespace-only document', () => {
    assert.deepEqual(chunkDocument(documentOf(''), { counter: approximate }), []);
    assert.deepEqual(chunkDocument(documentOf(' \n\n\t\n'), { counter: approximate }), []);
  });

  it('keeps a heading with its short paragraph and lets small sibling sections share a chunk', () => {
    const text = '# Guide\n\nIntro.\n\n## Install\n\nRun it.\n\n## Use\n\nCall it.';
    const chunks = chunkDocument(documentOf(text), { counter: perCharacter, maxTokens: 100, overlapTokens: 0 });
    assert.deepEqual(chunks.map((chunk) => [chunk.text, chunk.headingPath]), [[text, ['Guide']]]);
  });

  it('starts a new chunk at a heading whose section does not fit, and at a shallower heading', () => {
    const text = '## A\n\nShort a.\n\n## B\n\nLonger text of section b.\n\n### B1\n\nTiny.\n\n# C\n\nTiny c.';
    const chunks = chunkDocument(documentOf(text), { counter: perCharacter, maxTokens: 40, overlapTokens: 0 });
    assert.deepEqual(
      chunks.map((chunk) => [chunk.text, chunk.headingPath]),
      [
        ['## A\n\nShort a.', ['A']],
        ['## B\n\nLonger text of section b.', ['B']],
        ['### B1\n\nTiny.', ['B', 'B1']],
        ['# C\n\nTiny c.', ['C']],
      ],
    );
  });

  it('fills a heading-only chunk with the first sentences of a section body that does not fit', () => {
    const text = '# Title\n\nFirst sentence here. Second sentence here. Third sentence here.';
    const chunks = chunkDocument(documentOf(text), { counter: perCharacter, maxTokens: 52, overlapTokens: 0 });
    assert.deepEqual(
      chunks.map((chunk) => chunk.text),
      ['# Title\n\nFirst sentence here. Second sentence here.', 'Third sentence here.'],
    );
  });

  it('fills a small chunk with the first sentences of a paragraph, but never cuts a code block that fits', () => {
    const text = 'A title\n\nFirst sentence here. Second sentence here. Third sentence here.';
    const chunks = chunkDocument(documentOf(text), { counter: perCharacter, maxTokens: 64, overlapTokens: 0 });
    assert.deepEqual(
      chunks.map((chunk) => chunk.text),
      ['A title\n\nFirst sentence here. Second sentence here.', 'Third sentence here.'],
    );
    const code = '```\nline one\nline two\n```';
    const withCode = chunkDocument(documentOf(`Run:\n\n${code}`), { counter: perCharacter, maxTokens: 30, overlapTokens: 0 });
    assert.deepEqual(withCode.map((chunk) => chunk.text), ['Run:', code]);
  });

  it('repeats trailing sentences of the previous chunk of the same section, up to overlapTokens', () => {
    // Ten characters per sentence: chunk 1 is 26 characters, and S2 plus its space (11) is the overlap.
    const text = '# S\n\nS1 aaaaaa. S2 bbbbbb. S3 cccccc. S4 dddddd. S5 eeeeee.';
    const chunks = chunkDocument(documentOf(text), { counter: perCharacter, maxTokens: 35, overlapTokens: 11 });
    assert.deepEqual(
      chunks.map((chunk) => chunk.text),
      ['# S\n\nS1 aaaaaa. S2 bbbbbb.', 'S2 bbbbbb. S3 cccccc. S4 dddddd.', 'S4 dddddd. S5 eeeeee.'],
    );
    const smaller = chunkDocument(documentOf(text), { counter: perCharacter, maxTokens: 35, overlapTokens: 10 });
    assert.equal(smaller[1]?.text, 'S3 cccccc. S4 dddddd. S5 eeeeee.');
  });

  it('never starts a new section with overlap from the previous one', () => {
    const text = '# A\n\nOne sentence here. Two sentence here.\n\n# B\n\nThree sentence here.';
    const chunks = chunkDocument(documentOf(text), { counter: perCharacter, maxTokens: 45, overlapTokens: 22 });
    const sectionB = chunks.find((chunk) => chunk.headingPath[0] === 'B');
    assert.equal(sectionB?.text, '# B\n\nThree sentence here.');
  });

  it('keeps a code block that fits whole and splits one that does not at line ends', () => {
    const code = '```sh\nstep one\nstep two\nstep three\n```';
    const fits = chunkDocument(documentOf(`Before.\n\n${code}\n\nAfter.`), { counter: perCharacter, maxTokens: 45, overlapTokens: 0 });
    assert.ok(fits.some((chunk) => chunk.text.includes(code)));
    const split = chunkDocument(documentOf(code), { counter: perCharacter, maxTokens: 20, overlapTokens: 0 });
    assert.deepEqual(split.map((chunk) => chunk.text), ['```sh\nstep one', 'step two\nstep three', '```']);
  });

  it('cuts an over-long word into slices within budget', () => {
    const text = `Start ${'z'.repeat(100)} end.`;
    const chunks = chunkDocument(documentOf(text), { counter: perCharacter, maxTokens: 30, overlapTokens: 0 });
    assert.ok(chunks.every((chunk) => chunk.tokens <= 30));
    assert.equal(chunks.map((chunk) => chunk.text).join('').replace(/\s/g, ''), text.replace(/\s/g, ''));
  });

  it('chunks a real traefik page by its sections', () => {
    const raw = readFileSync(fileURLToPath(new URL('../../../test/fixtures/traefik/v2-to-v3.md', import.meta.url)), 'utf8');
    const document = documentOf(raw.replace(/^---\n[\s\S]*?\n---\n/, ''), 'migrate/v2-to-v3.md');
    const options = { counter: approximate, maxTokens: 384, overlapTokens: 48 };
    const chunks = chunkDocument(document, options);
    assertInvariants(document, chunks, options);
    assert.ok(chunks[0]?.text.startsWith('# Migration Guide: From v2 to v3\n\nHow to Migrate'));
    assert.deepEqual(chunks[0]?.headingPath, ['Migration Guide: From v2 to v3']);
    const testing = chunks.find((chunk) => chunk.text.startsWith('### Testing Phase'));
    assert.deepEqual(testing?.headingPath, ['Migration Guide: From v2 to v3', 'Step 1: Prepare Configurations and Test v3', 'Testing Phase']);
    // No chunk is a lone heading line; the short overview section shares the title's chunk.
    assert.ok(chunks.every((chunk) => chunk.text.includes('\n')));
    assert.ok(chunks[0]?.text.includes('## Migration Overview'));
    assert.ok(chunks.some((chunk) => chunk.text.startsWith('## Step 1: Prepare Configurations and Test v3')));
  });

  it('keeps tables and code blocks of a real reference page whole when they fit', () => {
    const path = fileURLToPath(new URL('../../../test/fixtures/traefik/headers.md', import.meta.url));
    const document = documentOf(readFileSync(path, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''), 'headers.md');
    const options = { counter: approximate, maxTokens: 384, overlapTokens: 48 };
    const chunks = chunkDocument(document, options);
    assertInvariants(document, chunks, options);
    const fences = [...document.text.matchAll(/^```[^\n]*\n[\s\S]*?\n```$/gm)].map((match) => match[0]);
    const tables = [...document.text.matchAll(/(?<=\n\n)(?:\|[^\n]*(?:\n|$))+/g)].map((match) => match[0].trim());
    assert.ok(fences.length >= 10 && tables.length >= 1, `${fences.length} fences, ${tables.length} tables`);
    for (const block of [...fences, ...tables]) {
      // 300 leaves room for the heading and the blank lines that share the chunk.
      if (approximate.count(block) <= 300) assert.ok(chunks.some((chunk) => chunk.text.includes(block)), block.slice(0, 60));
    }
  });
});
