import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startOpenAICompatibleServer, type LoopbackServer } from '../../src/testing/index.js';
import { parseJson, runGrounded, temporaryFolder } from '../support/run-grounded.js';

// With a model configured, the model decides: only a very low answerability keeps a question from it. Counted on the
// wire, with the Traefik docs and the repository's golden set, against a real OpenAI-compatible server on 127.0.0.1.
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpus = resolve(repo, '..', 'shared', 'datasets', 'traefik-docs', 'docs');
const golden = join(repo, 'test', 'fixtures', 'golden', 'traefik-docs.jsonl');
const cases = readFileSync(golden, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as { question: string; kind: string });

describe('the answerability gates with a model configured', { skip: existsSync(corpus) ? false : `${corpus} not present` }, () => {
  const folder = temporaryFolder('llm-gates');
  const dataDir = join(folder.path, 'data');
  const asked: string[] = [];
  let server: LoopbackServer;
  const env = (): NodeJS.ProcessEnv => ({
    GROUNDED_LLM_PROVIDER: 'openai-compatible',
    GROUNDED_LLM_BASE_URL: server.baseUrl,
    GROUNDED_LLM_MODEL: 'test-model',
  });

  before(async () => {
    const ingest = await runGrounded(['ingest', corpus, '--kb', 'traefik'], { cwd: repo, dataDir });
    assert.equal(ingest.code, 0, ingest.stderr);
    server = await startOpenAICompatibleServer((request) => {
      const body = request.body as { messages?: { content: string }[] };
      const last = body.messages?.at(-1)?.content ?? '';
      const question = /Question: ([^\n]+)/.exec(last)?.[1];
      if (question !== undefined) asked.push(question.trim());
      // A model that refuses in its own words when the first source does not name the middleware asked about.
      return { type: 'reply', text: 'The provided sources do not contain this information.' };
    });
  });
  after(async () => {
    await server.close();
    folder.remove();
  });

  it('sends at least 95% of answerable questions to the model, and not a question the corpus never mentions', async () => {
    const run = await runGrounded(['eval', 'run', '--kb', 'traefik', '--golden', golden, '--json'], { cwd: repo, dataDir, env: env() });
    assert.ok(run.code === 0 || run.code === 1, run.stderr);
    const answerable = cases.filter((entry) => entry.kind !== 'unanswerable').map((entry) => entry.question.trim());
    const reached = answerable.filter((question) => asked.includes(question));
    assert.ok(reached.length / answerable.length >= 0.95, `${reached.length} of ${answerable.length} answerable questions reached the model`);
    const before = asked.length;
    const offTopic = parseJson<{ abstained: boolean; calledModel: boolean; answerability: number }>(
      await runGrounded(['ask', 'What JVM heap size should an Elasticsearch data node with 64 GB of RAM get?', '--kb', 'traefik', '--json'], { cwd: repo, dataDir, env: env() }),
    );
    assert.deepEqual([offTopic.abstained, offTopic.calledModel], [true, false]);
    assert.ok(offTopic.answerability < 0.2, `answerability ${offTopic.answerability}`);
    assert.equal(asked.length, before, 'the off-topic question never reached the wire');
    // The model's own refusal, in its own words, is an abstention.
    const refused = parseJson<{ abstained: boolean; calledModel: boolean }>(
      await runGrounded(['ask', 'What status code does the circuit breaker middleware return while open?', '--kb', 'traefik', '--json'], { cwd: repo, dataDir, env: env() }),
    );
    assert.deepEqual([refused.abstained, refused.calledModel], [true, true]);
  });
});
