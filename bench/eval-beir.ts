import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { evaluateBeir } from '../src/app/evaluate-beir.js';
import { loadConfig } from '../src/config/load-config.js';

const here = dirname(fileURLToPath(import.meta.url));
const shared = resolve(here, '..', '..', 'shared');
const scifact = join(shared, 'datasets', 'beir-scifact');
// The peers harness, run where it is and unmodified; only its bare imports resolve from grounded's packages
// (stemmer and better-sqlite3 at the versions its package.json pins), see resolve-from-grounded.mjs.
const harness = join(shared, 'bench', 'peers', 'scifact.mjs');
const peers = ['reference-bm25', 'sqlite-fts5'];
const round = (value: number, digits = 3): number => Number(value.toFixed(digits));

interface PeerFigures {
  readonly ndcgAt10: number;
  readonly recallAt100: number;
  readonly buildMs: number;
  readonly queryP50Ms: number;
  readonly queryP95Ms: number;
}

/** One peer in its own process, as the harness runs each peer: its `--peer` mode prints `RESULT {json}`. */
function runPeer(name: string): PeerFigures {
  const result = spawnSync(process.execPath, ['--import', join(here, 'resolve-from-grounded.mjs'), harness, '--peer', name], {
    encoding: 'utf8',
    env: { ...process.env, SCIFACT_DIR: scifact, NODE_PATH: resolve(here, '..', 'node_modules') },
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = result.stdout.split('\n').find((text) => text.startsWith('RESULT '));
  const parsed = line === undefined ? undefined : (JSON.parse(line.slice('RESULT '.length)) as Record<string, unknown>);
  if (parsed === undefined || result.status !== 0 || typeof parsed.p95_ms !== 'number') {
    throw new Error(`peer ${name} failed (exit ${result.status}): ${String(parsed?.error ?? result.stderr).slice(0, 2000)}`);
  }
  return {
    ndcgAt10: Number(parsed.ndcg10),
    recallAt100: Number(parsed.recall100),
    buildMs: Number(parsed.build_ms),
    queryP50Ms: Number(parsed.p50_ms),
    queryP95Ms: Number(parsed.p95_ms),
  };
}

/** Rounds of the whole comparison: on a shared machine one round's p95 is often another process's doing. */
const rounds = 3;

const median = (values: readonly number[]): number => [...values].sort((left, right) => left - right)[Math.floor(values.length / 2)] ?? Number.NaN;

/**
 * `eval beir` on BEIR SciFact (test split, lexical preset: BM25F over chunks, documents ranked by their best chunk)
 * beside the peers harness's reference in-memory BM25 and SQLite FTS5, in the same bench run: three rounds, each
 * running both peers (each in its own process, as the harness does) and then `eval beir` (in this process), and the
 * median of each side's figures over the rounds. Latencies on both sides are timed per query after one warm-up pass
 * over the queries; compare them only within one run.
 */
export default async function run(): Promise<Record<string, unknown>> {
  const peerRounds: Record<string, PeerFigures[]> = Object.fromEntries(peers.map((name) => [name, []]));
  const evalRounds: { ndcgAt10: number; recallAt100: number; indexMs: number; queryP50Ms: number; queryP95Ms: number }[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const name of peers) peerRounds[name]?.push(runPeer(name));
    const report = await evaluateBeir(scifact, 'test', loadConfig({}), { preset: 'lexical' });
    evalRounds.push({ ndcgAt10: report.ndcgAt10, recallAt100: report.recallAt100, indexMs: report.indexMs, queryP50Ms: report.queryP50Ms, queryP95Ms: report.queryP95Ms });
  }
  const summary = <T extends object>(rows: readonly T[]): Record<string, number> =>
    Object.fromEntries(Object.keys(rows[0] ?? {}).map((key) => [key, round(median(rows.map((row) => Number(row[key as keyof T]))), 4)]));
  const peerFigures = Object.fromEntries(peers.map((name) => [name, { ...summary(peerRounds[name] ?? []), queryP95MsOfEachRound: (peerRounds[name] ?? []).map((figures) => figures.queryP95Ms) }]));
  const evalBeir = { ...summary(evalRounds), queryP95MsOfEachRound: evalRounds.map((figures) => round(figures.queryP95Ms)) };
  const bestPeerQueryP95Ms = Math.min(...peers.map((name) => median((peerRounds[name] ?? []).map((figures) => figures.queryP95Ms))));
  return {
    rounds,
    evalBeir,
    peers: peerFigures,
    bestPeerQueryP95Ms,
    evalBeirP95AtOrBelowBestPeer: median(evalRounds.map((figures) => figures.queryP95Ms)) <= bestPeerQueryP95Ms,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await run(), null, 2));
}
