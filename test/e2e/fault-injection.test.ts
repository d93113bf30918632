import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { temporaryFolder } from '../support/run-grounded.js';
import { spawnGrounded, type SpawnedRun } from '../support/spawn-grounded.js';

// Issue 11: ingest, eval run and search are killed (SIGKILL) at random moments, in a bounded loop. After every kill the
// store passes integrity_check and holds no orphan, and once the commands finish, the results equal an uninterrupted
// run's. The seed is random unless GROUNDED_FAULT_SEED is set; a failure message names it, so a failure can be replayed.

const seed = Number(process.env.GROUNDED_FAULT_SEED ?? Math.floor(Math.random() * 2 ** 31));
const rounds = 12;
const files = 600;

/** mulberry32: a small seeded generator, so a failing sequence of kills can be replayed. */
function generator(start: number): () => number {
  let state = start >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

function note(file: number): string {
  const sections = [1, 2, 3].map(
    (part) => `## Part ${part}\n\nStation ${file} logs reading ${file * 7 + part} of the ${['north', 'south', 'east'][part - 1]} gauge every ${file % 13} minutes.`,
  );
  return `# Station ${file}\n\n${sections.join('\n\n')}\n`;
}

interface StoreState {
  readonly integrity: string;
  readonly foreignKeyErrors: number;
  readonly orphanChunks: number;
  readonly orphanDocuments: number;
  readonly staleSnapshots: number;
}

function storeState(file: string): StoreState {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
    return {
      integrity: (db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check,
      foreignKeyErrors: db.prepare('PRAGMA foreign_key_check').all().length,
      orphanChunks: count('SELECT COUNT(*) AS n FROM chunks c LEFT JOIN documents d ON d.id = c.document_id WHERE d.id IS NULL'),
      orphanDocuments: count('SELECT COUNT(*) AS n FROM documents d LEFT JOIN sources s ON s.id = d.source_id WHERE s.id IS NULL'),
      // A snapshot is only ever saved for the generation it was built from.
      staleSnapshots: count('SELECT COUNT(*) AS n FROM index_snapshots i JOIN knowledge_bases k ON k.id = i.kb_id WHERE i.generation > k.generation'),
    };
  } finally {
    db.close();
  }
}

/**
 * What must not differ between a run after faults and an uninterrupted one: the ranked passages and their scores.
 * Passages with equal scores are ordered by the store's internal row order, which depends on the order files were
 * (re)written, so each group of equal scores is compared as a set; the last group, cut by k, by its size only.
 */
function searchResult(run: SpawnedRun): string[] {
  const parsed = JSON.parse(run.stdout) as { results: { doc: string; score: number; start: number; end: number }[] };
  const groups: { score: string; hits: string[] }[] = [];
  for (const hit of parsed.results) {
    const score = hit.score.toFixed(6);
    if (groups.at(-1)?.score !== score) groups.push({ score, hits: [] });
    groups.at(-1)?.hits.push(`${hit.doc} ${hit.start}-${hit.end}`);
  }
  return groups.map((group, index) =>
    index === groups.length - 1 ? `${group.score} x${group.hits.length}` : `${group.score} ${group.hits.sort().join(', ')}`,
  );
}

function evalResult(run: SpawnedRun): unknown {
  const parsed = JSON.parse(run.stdout) as { retrieval: unknown; answer: unknown; abstention: unknown; citations: unknown; cases: number };
  return { cases: parsed.cases, retrieval: parsed.retrieval, answer: parsed.answer, abstention: parsed.abstention, citations: parsed.citations };
}

describe(`grounded killed at random moments (GROUNDED_FAULT_SEED=${seed})`, () => {
  const folder = temporaryFolder('faults');
  const cwd = folder.path;
  const dataDir = join(cwd, 'data');
  const queries = ['reading 701 north gauge', 'station 42 south gauge minutes', 'east gauge every 5 minutes'];
  const reference: { search: string[][]; evaluation: unknown } = { search: [], evaluation: undefined };
  /** How long each command takes uninterrupted, here and now: kills are spread over that time. */
  const durations = { ingest: 0, search: 0, eval: 0 };
  const grounded = (args: string[], dir: string, killAfterMs?: number) =>
    spawnGrounded([...args, '--data-dir', dir], { cwd, ...(killAfterMs === undefined ? {} : { killAfterMs }) });
  after(() => folder.remove());

  before(async () => {
    mkdirSync(join(cwd, 'docs'));
    for (let file = 0; file < files; file += 1) writeFileSync(join(cwd, 'docs', `station-${file}.md`), note(file));
    // Two chunkings: switching between them re-indexes every file, so each ingest has real work to be killed in.
    writeFileSync(join(cwd, 'grounded.config.json'), JSON.stringify({ ingest: { batchFiles: 8 }, chunking: { maxTokens: 384 } }));
    writeFileSync(join(cwd, 'small.config.json'), JSON.stringify({ ingest: { batchFiles: 8 }, chunking: { maxTokens: 32, overlapTokens: 8 } }));
    const golden = [10, 55, 120, 199].map((file) => ({
      id: `q${file}`,
      question: `How often does station ${file} log the north gauge?`,
      answers: [`every ${file % 13} minutes`],
      sources: [{ doc: `station-${file}.md`, quote: `Station ${file} logs reading ${file * 7 + 1} of the north gauge` }],
      kind: 'answerable',
    }));
    golden.push({ id: 'none', question: 'What is the warranty period of the kettle?', answers: [], sources: [], kind: 'unanswerable' });
    writeFileSync(join(cwd, 'golden.jsonl'), `${golden.map((item) => JSON.stringify(item)).join('\n')}\n`);

    const clean = join(cwd, 'clean');
    const timed = async (command: keyof typeof durations, args: string[]): Promise<SpawnedRun> => {
      const started = performance.now();
      const run = await grounded(args, clean);
      durations[command] = Math.max(durations[command], performance.now() - started);
      assert.equal(run.code, 0, run.stderr);
      return run;
    };
    await timed('ingest', ['ingest', 'docs', '--config', 'small.config.json']);
    await timed('ingest', ['ingest', 'docs']);
    for (const query of queries) reference.search.push(searchResult(await timed('search', ['search', query, '--json'])));
    const evaluation = await timed('eval', ['eval', 'run', '--golden', 'golden.jsonl', '--json']);
    reference.evaluation = evalResult(evaluation);
  });

  it('leaves a whole store after every kill, and finishing the commands gives the uninterrupted results', async () => {
    const random = generator(seed);
    const commands = [
      { duration: durations.ingest, args: () => ['ingest', 'docs', ...(random() < 0.5 ? ['--config', 'small.config.json'] : [])] },
      { duration: durations.search, args: () => ['search', queries[Math.floor(random() * queries.length)] ?? 'gauge', '--json'] },
      { duration: durations.eval, args: () => ['eval', 'run', '--golden', 'golden.jsonl', '--json'] },
    ];
    const killed: string[] = [];
    for (let round = 0; round < rounds; round += 1) {
      // Ingest twice as often: it is the command with the most writes to interrupt. The first round always ingests.
      const pick = round === 0 ? 0 : [0, 0, 1, 2][Math.floor(random() * 4)] ?? 0;
      const command = commands[pick] ?? commands[0];
      const args = command?.args() ?? [];
      // Anywhere from start-up to a little past the uninterrupted run's end (then the command may finish).
      const delay = Math.floor(random() * 1.1 * (command?.duration ?? 1000));
      const run = await grounded(args, dataDir, delay);
      const what = `round ${round}: ${args.join(' ')} killed after ${delay} ms (seed ${seed})`;
      if (process.env.GROUNDED_FAULT_TRACE !== undefined) process.stderr.write(`${what}: ${run.signal ?? `exit ${run.code}`}\n`);
      if (run.signal === 'SIGKILL') killed.push(args[0] ?? '');
      else assert.ok(run.code === 0 || (run.code === 1 && /no knowledge base|does not exist|is empty/.test(run.stderr)), `${what}: exit ${run.code} ${run.stderr}`);
      let state: StoreState | undefined;
      try {
        state = storeState(join(dataDir, 'grounded.db'));
      } catch (error) {
        // Killed before the store was created: nothing to check.
        assert.match(String(error), /unable to open|does not exist/, what);
      }
      if (state !== undefined) {
        assert.deepEqual(state, { integrity: 'ok', foreignKeyErrors: 0, orphanChunks: 0, orphanDocuments: 0, staleSnapshots: 0 }, what);
      }
      const leftOver = existsSync(dataDir) ? readdirSync(dataDir).filter((name) => name.endsWith('.tmp')) : [];
      assert.deepEqual(leftOver, [], `${what}: temporary files left`);
    }
    assert.ok(killed.length >= rounds / 3, `at least a third of the rounds were killed mid-way (${killed.join(', ')}; seed ${seed})`);

    const finish = await grounded(['ingest', 'docs', '--json'], dataDir);
    assert.equal(finish.code, 0, finish.stderr);
    const report = JSON.parse(finish.stdout) as { totalDocuments: number; removed: number };
    assert.deepEqual([report.totalDocuments, report.removed], [files, 0]);
    for (const [index, query] of queries.entries()) {
      const search = await grounded(['search', query, '--json'], dataDir);
      assert.equal(search.code, 0, search.stderr);
      assert.deepEqual(searchResult(search), reference.search[index], `search '${query}' after faults (seed ${seed})`);
    }
    const evaluation = await grounded(['eval', 'run', '--golden', 'golden.jsonl', '--json'], dataDir);
    assert.equal(evaluation.code, 0, evaluation.stderr);
    assert.deepEqual(evalResult(evaluation), reference.evaluation, `eval run after faults (seed ${seed})`);
    const list = await grounded(['eval', 'list', '--json'], dataDir);
    assert.equal(list.code, 0, list.stderr);
    assert.deepEqual(storeState(join(dataDir, 'grounded.db')), { integrity: 'ok', foreignKeyErrors: 0, orphanChunks: 0, orphanDocuments: 0, staleSnapshots: 0 });
  });
});
