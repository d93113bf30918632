import assert from 'node:assert/strict';
import { dirname, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseJson, runGrounded, temporaryFolder } from '../support/run-grounded.js';

// The README's offline demo corpus, end to end through the CLI: cited answers and an abstention.
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

interface AskJson {
  question: string;
  answer: string;
  abstained: boolean;
  citations: { n: number; doc: string; start: number; end: number; quote: string }[];
  timings: { retrieveMs: number; generateMs: number; totalMs: number };
}

describe('the offline demo corpus', () => {
  const folder = temporaryFolder('demo');
  const run = (args: string[]) => runGrounded(args, { cwd: repo, dataDir: folder.path });
  after(() => folder.remove());
  before(async () => {
    const ingest = await run(['ingest', 'examples/sample-docs', '--json']);
    assert.equal(ingest.code, 0, ingest.stderr);
    assert.deepEqual(parseJson<{ skipped: unknown[] }>(ingest).skipped, []);
  });

  const cases = [
    { question: 'What port does Harbor listen on by default?', doc: 'guides/getting-started.md', fact: /8420/ },
    { question: 'When do API tokens expire?', doc: 'guides/authentication.md', fact: /90 days/ },
    { question: 'What is the largest file a client may upload?', doc: 'guides/configuration.md', fact: /512 MiB/ },
    { question: 'What does Harbor do when two people edit the same file offline?', doc: 'troubleshooting.html', fact: /keeps both versions/ },
  ];
  for (const { question, doc, fact } of cases) {
    it(`answers "${question}" with an exact citation`, async () => {
      const result = await run(['ask', question, '--json']);
      assert.equal(result.code, 0, result.stderr);
      const answer = parseJson<AskJson>(result);
      assert.equal(answer.abstained, false);
      assert.match(answer.answer, fact);
      const first = answer.citations[0];
      assert.ok(first !== undefined);
      assert.equal(first.doc, doc);
      assert.match(answer.answer, new RegExp(`\\[${first.n}\\]`));
      // The quote is exactly the document's text at the cited span: check it through search, which returns chunks with offsets.
      const search = parseJson<{ results: { doc: string; text: string; start: number }[] }>(await run(['search', question, '-k', '20', '--json']));
      const chunk = search.results.find((r) => r.doc === first.doc && r.start <= first.start && first.start - r.start + first.quote.length <= r.text.length);
      assert.ok(chunk !== undefined, 'the cited span lies in a retrieved chunk');
      assert.equal(chunk.text.slice(first.start - chunk.start, first.end - chunk.start), first.quote);
      assert.ok(answer.timings.totalMs >= answer.timings.retrieveMs);
    });
  }

  it('says the knowledge base does not have what it does not have', async () => {
    for (const question of ['Does Harbor integrate with Slack notifications?', 'What is the capital of Australia?']) {
      const answer = parseJson<AskJson>(await run(['ask', question, '--json']));
      assert.equal(answer.abstained, true, question);
      assert.deepEqual(answer.citations, []);
      assert.match(answer.answer, /not found in the knowledge base/i);
      const readable = await run(['ask', question]);
      assert.equal(readable.code, 0);
      assert.equal(readable.stdout.trim(), 'Not found in the knowledge base.');
    }
  });

  it('indexes the HTML page’s article, not its navigation or footer', async () => {
    const nav = parseJson<{ results: { doc: string }[] }>(await run(['search', 'pricing blog contact sales', '--json']));
    assert.ok(nav.results.every((r) => r.doc !== 'troubleshooting.html'));
  });
});
