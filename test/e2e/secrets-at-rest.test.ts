import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';
import { configuredJudge } from '../../src/app/configured-judge.js';
import { createChatModel } from '../../src/app/create-chat-model.js';
import { createEmbedder } from '../../src/app/create-embedder.js';
import { createReranker } from '../../src/app/create-reranker.js';
import { createKnowledgeBase, createSqliteStore, isGroundedError, loadConfig, openKnowledgeBase, runEvaluation } from '../../src/index.js';
import { filesUnder, findSecret } from '../support/find-secret.js';
import { failOn, startKeyedProviders, type KeyedProviders } from '../support/keyed-providers.js';
import { parseJson, runGrounded, temporaryFolder } from '../support/run-grounded.js';

// An API key given to every provider (chat model, embedder, reranker) is used on the wire and lands nowhere else: not
// in a byte under the data directory (SQLite and its -wal/-shm files, vector indexes), not in a report, not in any
// output or error, whichever calls come first. Run once with the key in a config file and once in GROUNDED_*_API_KEY.
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const question = 'What port does Harbor listen on by default?';
const golden = [
  { id: 'port', question, answers: ['8420'], sources: [{ doc: 'guides/getting-started.md', quote: 'By default the server listens on port 8420' }], kind: 'answerable' },
  { id: 'expiry', question: 'When do API tokens expire?', answers: ['90 days'], sources: [{ doc: 'guides/authentication.md', quote: 'Tokens expire after 90 days' }], kind: 'answerable' },
  { id: 'slack', question: 'Does Harbor send Slack notifications when a sync fails?', answers: [], sources: [], kind: 'unanswerable' },
];
// Settings that are not secrets: a persisted HNSW index (so vector files are on disk), failures without retries, and a
// model called whatever the answerability (so a failing model is reached).
const settings = { retrieval: { vectorIndex: 'hnsw' }, llm: { abstainBeforeGeneration: false, maxRetries: 0 }, embedder: { maxRetries: 0 }, reranker: { maxRetries: 0 } };

for (const source of ['config file', 'environment'] as const) {
  describe(`an API key in every provider's ${source}`, () => {
    const secret = `sk-test-${randomBytes(24).toString('hex')}`;
    const folder = temporaryFolder('secrets');
    const cwd = folder.path;
    const dataDir = join(cwd, 'data');
    const reportsDir = join(cwd, 'reports');
    const configFile = join(cwd, 'grounded.config.json');
    const outputs: { label: string; content: string | Buffer }[] = [];
    const keep = (label: string, value: unknown): void => {
      outputs.push({ label, content: typeof value === 'string' ? value : `${JSON.stringify(value)}\n${inspect(value, { depth: null })}` });
    };
    let providers: KeyedProviders;
    let env: NodeJS.ProcessEnv = {};
    const config = () => loadConfig({ cwd, env, file: configFile, overrides: { dataDir } });
    const open = () => openKnowledgeBase({ config: config(), onNotice: (message) => keep('notice', message) });

    before(async () => {
      cpSync(join(repo, 'examples', 'sample-docs'), join(cwd, 'docs'), { recursive: true });
      mkdirSync(reportsDir);
      writeFileSync(join(cwd, 'golden.jsonl'), `${golden.map((record) => JSON.stringify(record)).join('\n')}\n`);
      providers = await startKeyedProviders(secret, source === 'config file' ? 'openai-compatible' : 'anthropic');
      const keyed = {
        llm: { provider: providers.llm, baseUrl: providers.chat.baseUrl, model: 'loopback-chat', apiKey: secret },
        embedder: { provider: 'openai-compatible', baseUrl: providers.embeddings.baseUrl, model: 'loopback-embed', apiKey: secret },
        reranker: { provider: 'api', baseUrl: providers.rerank.baseUrl, model: 'loopback-rerank', apiKey: secret },
      };
      if (source === 'config file') {
        writeFileSync(configFile, JSON.stringify({ ...settings, ...Object.fromEntries(Object.entries(keyed).map(([name, keys]) => [name, { ...settings[name as keyof typeof keyed], ...keys }])) }));
      } else {
        writeFileSync(configFile, JSON.stringify(settings));
        env = Object.fromEntries(
          Object.entries(keyed).flatMap(([name, keys]) =>
            [['PROVIDER', keys.provider], ['BASE_URL', keys.baseUrl], ['MODEL', keys.model], ['API_KEY', keys.apiKey]].map(([suffix, value]) => [`GROUNDED_${name.toUpperCase()}_${suffix}`, value]),
          ),
        );
      }
    });
    after(async () => {
      await providers.close();
      folder.remove();
    });

    const library = async (): Promise<void> => {
      const first = open();
      try {
        keep('sync', await first.sync([join(cwd, 'docs')]));
        // Fingerprints asked for before any search has built a provider.
        for (const preset of ['lexical', 'hybrid', 'hybrid-rerank'] as const) keep(`settings ${preset}`, await first.settings('rag', preset));
      } finally {
        await first.close();
      }
      // A fresh instance whose first call is a reranked, judged evaluation.
      const kb = open();
      try {
        keep('judged run', await runEvaluation({ knowledgeBase: kb, golden: join(cwd, 'golden.jsonl'), preset: 'hybrid-rerank', judge: { model: configuredJudge(config()), repeats: 1 } }));
        keep('search', await kb.search('restore a snapshot', { preset: 'hybrid-rerank' }));
        let streamed = '';
        keep('answer', await kb.answer(question, { preset: 'hybrid-rerank', onDelta: (text) => (streamed += text) }));
        keep('streamed', streamed);
        keep('run', await runEvaluation({ knowledgeBase: kb, golden: join(cwd, 'golden.jsonl') }));
        // While the store is open: what sits in the -wal and -shm files too.
        outputs.push(...filesUnder(dataDir).map(({ label, content }) => ({ label: `${label} (store open)`, content })));
      } finally {
        await kb.close();
      }
      // Instances passed in, with the keyed configuration passed along as settings.
      const resolved = config();
      await using passed = createKnowledgeBase({
        store: createSqliteStore(join(dataDir, 'grounded.db')),
        config: resolved,
        embedder: () => createEmbedder(resolved) ?? assert.fail('no embedder'),
        reranker: createReranker(resolved) ?? assert.fail('no reranker'),
        chatModel: () => createChatModel(resolved) ?? assert.fail('no chat model'),
        vectorDir: dataDir,
      });
      keep('instances run', await runEvaluation({ knowledgeBase: passed, golden: join(cwd, 'golden.jsonl'), preset: 'hybrid-rerank', strategy: 'long-context' }));
    };

    const cli = async (label: string, args: readonly string[], expected = 0) => {
      const run = await runGrounded([...args, '--config', configFile], { cwd, dataDir, env });
      keep(`${label} stdout`, run.stdout);
      keep(`${label} stderr`, run.stderr);
      assert.equal(run.code, expected, `${label}: ${run.stderr}`);
      return run;
    };
    const commandLine = async (): Promise<void> => {
      await cli('ingest', ['ingest', 'docs', '--json']);
      await cli('eval run', ['eval', 'run', '--golden', 'golden.jsonl', '--preset', 'hybrid-rerank,hybrid', '--judge', '--json', '--report', 'reports/eval.html']);
      await cli('eval run text', ['eval', 'run', '--golden', 'golden.jsonl', '--report', 'reports/default.html']);
      await cli('search', ['search', 'restore a snapshot', '--preset', 'hybrid-rerank', '--json']);
      await cli('ask json', ['ask', question, '--preset', 'hybrid-rerank', '--json']);
      await cli('ask', ['ask', question]);
      const { runs } = parseJson<{ runs: { id: string }[] }>(await cli('eval list', ['eval', 'list', '--json']));
      assert.ok(runs.length >= 3);
      await cli('eval show', ['eval', 'show', ...runs.map((run) => run.id), '--json', '--report', 'reports/show.html']);
      await cli('eval show text', ['eval', 'show', runs[0]?.id ?? '']);
      await cli('eval diff', ['eval', 'diff', 'previous', 'latest', '--fail-on', 'none', '--json']);
      await cli('advise', ['advise', '--json', '--report', 'reports/advice.html']);
    };
    const steps: [string, () => Promise<void>][] = [
      ['the library API: sync, settings before any search, a reranked judged evaluation first, search, answer, evaluation', library],
      ['the CLI: ingest, eval run with --judge and --report first, search, ask, eval list, show, diff, advise', commandLine],
    ];
    for (const [name, step] of source === 'config file' ? steps : steps.reverse()) it(name, step);

    it('fails on a rejected key without repeating it: library errors and CLI stderr', async () => {
      const kb = open();
      const codes: string[] = [];
      try {
        const failures = [
          () => kb.search(`${failOn.embedder} restore a snapshot`, { preset: 'hybrid' }),
          () => kb.search(`${failOn.reranker} restore a snapshot`, { preset: 'hybrid-rerank' }),
          () => kb.answer(`${question} ${failOn.llm}`, { preset: 'lexical' }),
          () => kb.answer(`${question} ${failOn.llmStream}`, { preset: 'lexical', onDelta: () => undefined }),
        ];
        for (const [index, failure] of failures.entries()) {
          const error = await failure().then(() => assert.fail(`call ${index} succeeded`), (thrown: unknown) => thrown);
          assert.ok(isGroundedError(error), inspect(error));
          codes.push(error.code);
          keep(`error ${index}`, `${String(error)}\n${error.hint ?? ''}\n${inspect(error, { depth: null, showHidden: true })}\n${JSON.stringify(error)}`);
        }
      } finally {
        await kb.close();
      }
      assert.deepEqual(codes, ['PROVIDER_AUTH', 'PROVIDER_AUTH', 'PROVIDER_AUTH', 'PROVIDER_AUTH']);
      for (const [label, args] of [
        ['search failing embedder', ['search', `${failOn.embedder} restore`, '--preset', 'hybrid']],
        ['search failing reranker', ['search', `${failOn.reranker} restore`, '--preset', 'hybrid-rerank', '--json']],
        ['ask failing model', ['ask', `${question} ${failOn.llm}`, '--preset', 'lexical']],
        ['ask failing stream', ['ask', `${question} ${failOn.llmStream}`, '--preset', 'lexical']],
      ] as const) {
        const run = await runGrounded([...args, '--config', configFile], { cwd, dataDir, env: { ...env, GROUNDED_DEBUG: '1' } });
        keep(`${label} stdout`, run.stdout);
        keep(`${label} stderr`, run.stderr);
        assert.notEqual(run.code, 0, label);
        assert.match(run.stderr, /rejected the credentials|error mid-stream/, label);
      }
      // The servers did echo the key: it was redacted on the way, not never sent.
      assert.ok(outputs.some(({ content }) => content.includes('[redacted]')));
    });

    it('sent the key to every provider, on every request', () => {
      for (const server of [providers.chat, providers.embeddings, providers.rerank]) assert.ok(server.requests.length > 0, server.baseUrl);
      assert.deepEqual(providers.wrongCredentials(), { chat: [], embeddings: [], rerank: [] });
    });

    it('left the key in no byte under the data directory, no report and no output', () => {
      const stored = filesUnder(dataDir);
      const reports = filesUnder(reportsDir);
      assert.ok(stored.some(({ label }) => label.endsWith('grounded.db')));
      assert.ok(stored.some(({ label }) => /hnsw|usearch|\.index/i.test(label)), `no vector index file in ${stored.map(({ label }) => label).join(', ')}`);
      assert.equal(reports.length, 4);
      assert.deepEqual(findSecret(secret, [...stored, ...reports, ...outputs]), []);
    });
  });
}
