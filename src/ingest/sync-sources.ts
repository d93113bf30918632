import { discoverFiles } from './discover/discover-files.js';
import { findLoader } from './loaders/find-loader.js';
import { applyClaimed } from './sync/apply-claimed.js';
import { findRemovals } from './sync/find-removals.js';
import { folderScopes } from './sync/folder-scopes.js';
import { prepareFile, type PreparedFile } from './sync/prepare-file.js';
import { SkipList } from './sync/skip-list.js';
import { sourceId } from './sync/source-id.js';
import type { SyncCounters } from './sync/sync-counters.js';
import type { SyncReport } from './sync/sync-report.js';
import type { SyncSourcesOptions } from './sync/sync-sources-options.js';

/**
 * Syncs files and folders into a knowledge base: new files are added, changed files re-indexed, files deleted
 * under a synced folder removed with all their chunks, unchanged files (same content hash) skipped without
 * re-chunking. Idempotent. Writes go in transactions of `batchFiles` files, so an interrupted sync leaves the
 * previous consistent state for every file and a re-run completes it. Bad files are reported in `skipped` and never
 * half-indexed; a file that turns bad keeps its last good version.
 *
 * @example
 * const report = await syncSources({ store: store.open('default'), paths: ['docs'], loaders, chunk, analyze, fingerprint });
 */
export async function syncSources(options: SyncSourcesOptions): Promise<SyncReport> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const { store } = options;
  const kb = store.name;
  // Discovery first: a missing path fails the whole sync before anything, even the knowledge base, is created.
  const discovered = await discoverFiles([...options.paths], {
    include: [...(options.include ?? [])],
    exclude: [...(options.exclude ?? [])],
    supported: (path) => findLoader(options.loaders, path) !== undefined,
    followExternalLinks: options.followExternalLinks,
  });
  await store.create();
  const counters: SyncCounters = { added: 0, updated: 0, unchanged: 0, documents: 0, chunks: 0, skipped: new SkipList() };
  counters.skipped.push(...discovered.problems.map(({ path, reason }) => ({ path, reason })));

  const known = new Map((await store.sources.list()).map((source) => [sourceId(source.root, source.path), source]));
  const folders = await folderScopes(options.paths);
  const missing = await findRemovals(discovered.files, known, folders, discovered.problems, options.prune === true);

  const unreadable = new Set<string>();
  const batchFiles = options.batchFiles ?? 64;
  let batch: PreparedFile[] = [];
  for (const [index, file] of discovered.files.entries()) {
    const prepared = await prepareFile(file, options, known, counters, unreadable);
    if (prepared !== undefined) batch.push(prepared);
    if (batch.length >= batchFiles) {
      await applyClaimed(batch, [], options, counters);
      batch = [];
      options.onProgress?.({ files: index + 1, total: discovered.files.length });
    }
  }
  const { removals } = missing;
  await applyClaimed(batch, removals, options, counters);
  const totals = await store.counts();
  return {
    kb,
    added: counters.added,
    updated: counters.updated,
    removed: removals.length,
    unchanged: counters.unchanged,
    kept: missing.kept + unreadable.size,
    leftOut: missing.leftOut,
    removedPaths: removals.map((removal) => removal.path),
    skipped: counters.skipped.listed,
    skippedTotal: counters.skipped.total,
    documents: counters.documents,
    chunks: counters.chunks,
    totalDocuments: totals.documents,
    totalChunks: totals.chunks,
    ms: now() - started,
  };
}
