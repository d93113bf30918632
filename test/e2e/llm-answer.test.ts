import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startAnthropicServer, startOpenAICompatibleServer, type LoopbackServer } from '../../src/testing/index.js';
import { parseJson, runGrounded, temporaryFolder } from '../support/run-grounded.js';

// The CLI end to end against real HTTP servers on 127.0.0.1 speaking each provider's wire protocol.
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const secret = 'sk-test-do-not-leak-7f3a';

interface AskJson {
  answer: string;
  abstained: boolean;
  strategy: string;
  provider: string;
  calledModel: boolean;
  citations: { n: number; doc: string; start: number; end: number; quote: string }[];
  usage: { inputTokens: number; outputTokens: number; cachedInputTokens: number } | null;
  costUsd: number | null;
  unsupportedSentences: number;
  danglingMarkers: number[];
}

describe('answers from a model over the wire', () => {
  const folder = temporaryFolder('llm');
  const dataDir = join(folder.path, 'data');
  let openai: LoopbackServer;
  let anthropic: LoopbackServer;
  const env = (server: LoopbackServer, provider = 'openai-compatible'): NodeJS.ProcessEnv => ({
    GROUNDED_LLM_PROVIDER: provider,
    GROUNDED_LLM_BASE_URL: server.baseUrl,
    GROUNDED_LLM_MODEL: 'test-model',
    GROUNDED_LLM_API_KEY: secret,
  });
  const run = (args: string[], environment: NodeJS.ProcessEnv) => runGrounded(args, { cwd: repo, dataDir, env: environment });

  before(async () => {
    const ingest = await runGrounded(['ingest', 'examples/sample-docs'], { cwd: repo, dataDir });
    assert.equal(ingest.code, 0, ingest.stderr);
    // A model that reads its prompt: it cites the number the prompt gave the getting-started page.
    openai = await startOpenAICompatibleServer((request) => {
      const body = request.body as { messages?: { content: string }[] };
      const prompt = (body.messages ?? []).map((message) => message.content).join('\n');
      const last = body.messages?.at(-1)?.content ?? '';
      // As a judge: one claim per sentence of the answer, and every claim supported.
      if (last.startsWith('ANSWER:')) return { type: 'reply', text: last.slice(8).split(/(?<=\.)\s+/).join('\n') };
      if (last.startsWith('CONTEXT:')) return { type: 'reply', text: '1: yes\n2: no' };
      if (prompt.includes('Question: Which laptops')) return { type: 'reply', text: 'I cannot answer this from the provided sources.' };
      const n = /\[(\d+)\] guides\/getting-started\.md/.exec(prompt)?.[1];
      if (n !== undefined) {
        const text = `By default the server listens on port 8420 [${n}]. It also supports carrier pigeons [${n}]. See [9].`;
        return { type: 'reply', text, chunks: [text.slice(0, 20), text.slice(20, 50), text.slice(50)] };
      }
      return { type: 'reply', text: 'Harbor probably uses port 8080.' };
    });
    anthropic = await startAnthropicServer((request) => {
      const body = request.body as { messages?: { content: string | { text: string }[] }[] };
      const prompt = JSON.stringify(body.messages ?? []);
      const n = /\[(\d+)\] guides\/getting-started\.md/.exec(prompt)?.[1] ?? '1';
      return { type: 'reply', text: `The server listens on port 8420 by default [${n}].` };
    });
  });
  after(async () => {
    await openai.close();
    await anthropic.close();
    folder.remove();
  });

  it('streams a cited answer, checks its citations and reports usage, without leaking the key', async () => {
    const result = await run(['ask', 'What port does Harbor listen on by default?'], env(openai));
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^By default the server listens on port 8420 \[\d\]/);
    assert.match(result.stdout, /Sources:\n\s+\[\d\] guides\/getting-started\.md/);
    // The pigeon sentence and the sentence citing only the fabricated [9] are both unsupported.
    assert.match(result.stdout, /warning: 2 cited sentence\(s\) not supported.*\[9\]/);
    const json = parseJson<AskJson>(await run(['ask', 'What port does Harbor listen on by default?', '--json'], env(openai)));
    assert.deepEqual([json.provider, json.strategy, json.calledModel, json.abstained], ['openai-compatible', 'rag', true, false]);
    assert.equal(json.citations[0]?.doc, 'guides/getting-started.md');
    assert.equal(json.unsupportedSentences, 2);
    assert.deepEqual(json.danglingMarkers, [9]);
    assert.ok((json.usage?.inputTokens ?? 0) > 0);
    assert.equal(openai.requests.at(-1)?.headers.authorization, `Bearer ${secret}`);
    for (const output of [result.stdout, result.stderr, JSON.stringify(json)]) assert.ok(!output.includes(secret));
  });

  it('abstains without calling the model on weak evidence, and reports the model’s own refusal', async () => {
    const calls = openai.requests.length;
    const weak = parseJson<AskJson>(await run(['ask', 'What is the capital of Australia?', '--json'], env(openai)));
    assert.deepEqual([weak.abstained, weak.calledModel], [true, false]);
    assert.equal(openai.requests.length, calls);
    // Plenty of matching words, so the model is asked; it says the sources do not answer.
    const refused = parseJson<AskJson>(await run(['ask', 'Which laptops and server hardware does Harbor keep in sync?', '--json'], env(openai)));
    assert.deepEqual([refused.abstained, refused.calledModel], [true, true]);
  });

  it('offers closed-book and long-context strategies', async () => {
    const closed = parseJson<AskJson>(await run(['ask', 'What port does Harbor use?', '--strategy', 'closed-book', '--json'], env(openai)));
    assert.equal(closed.strategy, 'closed-book');
    assert.doesNotMatch(JSON.stringify(openai.requests.at(-1)?.body), /8420/);
    const long = parseJson<AskJson>(await run(['ask', 'What port does Harbor listen on?', '--strategy', 'long-context', '--json'], env(openai)));
    assert.equal(long.strategy, 'long-context');
    const prompt = JSON.stringify(openai.requests.at(-1)?.body);
    for (const doc of ['guides/backups.md', 'troubleshooting.html', 'release-notes.txt']) assert.ok(prompt.includes(doc), doc);
    // Offline, the extractive answerer serves every strategy: the whole corpus, or no knowledge at all.
    const offlineLong = parseJson<AskJson>(await runGrounded(['ask', 'What port does Harbor listen on by default?', '--strategy', 'long-context', '--json'], { cwd: repo, dataDir }));
    assert.deepEqual([offlineLong.provider, offlineLong.abstained], ['extractive', false]);
    assert.match(offlineLong.answer, /8420/);
    const offlineClosed = parseJson<AskJson>(await runGrounded(['ask', 'What port does Harbor listen on by default?', '--strategy', 'closed-book', '--json'], { cwd: repo, dataDir }));
    assert.deepEqual([offlineClosed.provider, offlineClosed.abstained], ['extractive', true]);
  });

  it('speaks the Anthropic protocol with the stable prefix marked for caching', async () => {
    const json = parseJson<AskJson>(await run(['ask', 'What port does Harbor listen on by default?', '--json'], env(anthropic, 'anthropic')));
    assert.equal(json.provider, 'anthropic');
    assert.equal(json.citations[0]?.doc, 'guides/getting-started.md');
    const request = anthropic.requests.at(-1);
    assert.equal(request?.headers['x-api-key'], secret);
    const body = request?.body as { system?: { cache_control?: unknown }[] };
    assert.deepEqual(body.system?.at(-1)?.cache_control, { type: 'ephemeral' });
  });

  it('fails with a typed one-line error and exit 1 when the key is rejected', async () => {
    const denied = await startOpenAICompatibleServer([{ type: 'status', status: 401, message: 'invalid api key' }]);
    try {
      const result = await run(['ask', 'What port does Harbor listen on by default?'], env(denied));
      assert.equal(result.code, 1);
      assert.equal(result.stderr.trim().split('\n').length, 1);
      assert.match(result.stderr, /GROUNDED_LLM_API_KEY/);
      assert.ok(!result.stderr.includes(secret));
    } finally {
      await denied.close();
    }
  });

  it('compares rag, long-context and closed-book on a golden set in one command, side by side in the report', async () => {
    const golden = join(folder.path, 'golden.jsonl');
    writeFileSync(
      golden,
      [
        { id: 'port', question: 'What port does Harbor listen on by default?', answers: ['8420'], sources: [{ doc: 'guides/getting-started.md', quote: 'By default the server listens on port 8420 on all interfaces.' }], kind: 'answerable' },
        { id: 'slack', question: 'Does Harbor send Slack notifications when a sync fails?', answers: [], sources: [], kind: 'unanswerable' },
      ]
        .map((record) => JSON.stringify(record))
        .join('\n'),
    );
    const report = join(folder.path, 'strategies.html');
    const result = await run(['eval', 'run', '--golden', golden, '--strategy', 'rag,long-context,closed-book', '--report', report, '--json'], env(openai));
    assert.equal(result.code, 0, result.stderr);
    const { runs } = parseJson<{ runs: { fingerprint: { answerer: string }; answer: { correct: number }; cost: { modelCalls: number } }[] }>(result);
    assert.deepEqual(runs.map((r) => (JSON.parse(r.fingerprint.answerer) as { strategy: string }).strategy), ['rag', 'long-context', 'closed-book']);
    assert.equal(runs[0]?.answer.correct, 1);
    assert.equal(runs[2]?.answer.correct, 0, 'closed-book guessed 8080');
    assert.ok((runs[0]?.cost.modelCalls ?? 0) >= 1);
    const html = readFileSync(report, 'utf8');
    for (const strategy of ['rag', 'long-context', 'closed-book']) assert.ok(html.includes(strategy), strategy);
  });

  it('judges claim-level faithfulness with the model, repeated, and records the judge', async () => {
    const golden = join(folder.path, 'judged.jsonl');
    writeFileSync(
      golden,
      JSON.stringify({ id: 'port', question: 'What port does Harbor listen on by default?', answers: ['8420'], sources: [{ doc: 'guides/getting-started.md' }], kind: 'answerable' }),
    );
    const result = await run(['eval', 'run', '--golden', golden, '--judge', '--repeat', '2', '--json'], env(openai));
    assert.equal(result.code, 0, result.stderr);
    const report = parseJson<{ faithfulness: { judged: number; judgedRuns: number[] }; fingerprint: { judge: string } }>(result);
    // The answer has three sentences (claims); the judge supports only the first: 1/3 on each of the two repeats.
    assert.deepEqual(report.faithfulness.judgedRuns.map((value) => value.toFixed(3)), ['0.333', '0.333']);
    assert.equal(report.faithfulness.judged.toFixed(3), '0.333');
    assert.match(report.fingerprint.judge, /openai-compatible:test-model x2/);
    const offline = await runGrounded(['eval', 'run', '--golden', golden, '--judge'], { cwd: repo, dataDir });
    assert.equal(offline.code, 1);
    assert.match(offline.stderr, /judged run needs a language model/);
  });
});
