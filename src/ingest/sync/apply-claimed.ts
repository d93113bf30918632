import { basename } from 'node:path';
import { isGroundedError } from '../../core/errors.js';
import type { DocumentToStore, SourceLocation } from '../../core/store/source-writer.js';
import type { DiscoveredFile } from '../discover/discovered-file.js';
import type { PreparedFile } from './prepare-file.js';
import { sourceId } from './source-id.js';
import type { SyncCounters } from './sync-counters.js';
import type { SkippedFile } from './sync-report.js';
import type { SyncSourcesOptions } from './sync-sources-options.js';

/** How often a batch claims its keys again after a concurrent sync took one of them first. */
const maxClaimAttempts = 5;

/**
 * Claims the batch's document keys and applies it with the removals in one transaction. Keys are claimed against the
 * store as it is now, but another process syncing into the same knowledge base may commit one of them before this
 * batch takes the write lock: the store then refuses the batch (`KEY_TAKEN`) and it is claimed again, seeing the
 * other process's documents this time. Counts and skips are recorded only for the batch that was written.
 */
export async function applyClaimed(
  batch: readonly PreparedFile[],
  removals: readonly { root: string; path: string }[],
  options: SyncSourcesOptions,
  counters: SyncCounters,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    // Every key the batch may take, its own and the folder-prefixed fallbacks, looked up in one read.
    const keys = batch.flatMap((prepared) => [...prepared.upsert.documents.map((entry) => entry.document.key), fallbackKey(prepared.file)]);
    const owners = await options.store.sources.owners(keys);
    const skipped: SkippedFile[] = [];
    const claimed = new Map<string, string>();
    const written: PreparedFile[] = [];
    for (const prepared of batch) {
      const documents = claimDocuments(prepared.upsert.documents, prepared.file, owners, claimed, skipped);
      // A new file whose every document belongs to another source is not tracked: the skips say why.
      if (documents.length === 0 && prepared.isNew) continue;
      written.push({ ...prepared, upsert: { ...prepared.upsert, documents } });
    }
    try {
      await options.store.sources.apply({ upserts: written.map((prepared) => prepared.upsert), removals });
    } catch (error) {
      if (isGroundedError(error, 'KEY_TAKEN') && attempt < maxClaimAttempts) continue;
      throw error;
    }
    counters.skipped.push(...skipped);
    for (const { isNew, upsert } of written) {
      if (isNew) counters.added += 1;
      else counters.updated += 1;
      counters.documents += upsert.documents.length;
      counters.chunks += upsert.documents.reduce((sum, document) => sum + document.chunks.length, 0);
    }
    return;
  }
}

/**
 * One key always means one document. A file whose relative path is already taken by a file under another root
 * is keyed `<root folder name>/<path>` instead; a record id another source owns is reported and dropped.
 */
function claimDocuments(
  documents: readonly DocumentToStore[],
  file: DiscoveredFile,
  owners: ReadonlyMap<string, SourceLocation>,
  claimed: Map<string, string>,
  skipped: SkippedFile[],
): DocumentToStore[] {
  const ownerOf = (key: string): string | undefined => {
    const owner = owners.get(key);
    const stored = owner !== undefined && !(owner.root === file.root && owner.path === file.relativePath);
    const taken = stored ? sourceId(owner.root, owner.path) : claimed.get(key);
    return taken === sourceId(file.root, file.relativePath) ? undefined : taken;
  };
  const kept: DocumentToStore[] = [];
  for (const prepared of documents) {
    let key = prepared.document.key;
    if (ownerOf(key) !== undefined && key === file.relativePath) key = fallbackKey(file);
    const owner = ownerOf(key);
    if (owner !== undefined) {
      const ownerPath = owner.split('\u0000')[1] ?? owner;
      skipped.push({ path: file.relativePath, reason: `duplicate document id '${key}' (already from ${ownerPath})` });
      continue;
    }
    claimed.set(key, sourceId(file.root, file.relativePath));
    kept.push(key === prepared.document.key ? prepared : rekeyDocument(prepared, key));
  }
  return kept;
}

/** The key of a file whose relative path another root's file took first. */
function fallbackKey(file: DiscoveredFile): string {
  return `${basename(file.root)}/${file.relativePath}`;
}

/** The same document and chunks under another key (chunk ids are `<key>#<ordinal>`). */
function rekeyDocument({ document, chunks }: DocumentToStore, key: string): DocumentToStore {
  return {
    document: { ...document, key },
    chunks: chunks.map((stored) => ({ ...stored, chunk: { ...stored.chunk, id: `${key}#${stored.chunk.ordinal}`, doc: key } })),
  };
}
