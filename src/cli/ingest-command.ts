import { openKnowledgeBase } from '../app/open-knowledge-base.js';
import type { IngestReport } from '../app/open-knowledge-base.js';
import { exitCodes } from './exit-code-for.js';
import { printable } from './printable.js';
import type { CommandContext, Register } from './command-context.js';
import { resolve } from 'node:path';

/**
 * `grounded ingest PATH...`: syncs files and folders into the knowledge base. Exits 1 when nothing could be
 * ingested because every file was bad; problems with single files are listed and the rest is ingested.
 */
export const ingestCommand: Register = (program, run) => {
  program
    .command('ingest')
    .description('sync files or folders into the knowledge base (added, updated, removed, unchanged)')
    .argument('<paths...>', 'files or folders')
    .option('--include <globs...>', 'only files matching these globs (relative to each folder)')
    .option('--exclude <globs...>', 'leave out files matching these globs')
    .option('--prune', 'also remove tracked files that are still on disk but that --include/--exclude now leave out')
    .option('--follow-external-links', 'read symlinks that point outside the ingested folders (default: skip them)')
    .action(
      run(async (context, paths: string[], options: IngestFlags) => {
        const ingest = {
          ...context.config.ingest,
          ...(options.include === undefined ? {} : { include: options.include }),
          ...(options.exclude === undefined ? {} : { exclude: [...context.config.ingest.exclude, ...options.exclude] }),
        };
        const kb = openKnowledgeBase({ config: { ...context.config, ingest }, kb: context.kb });
        try {
          const report = await kb.sync(
            paths.map((path) => resolve(context.io.cwd, path)),
            { prune: options.prune === true, followExternalLinks: options.followExternalLinks === true },
          );
          write(context, report);
          const nothingIngested = report.added + report.updated + report.unchanged === 0;
          // Files are in (lexical search works), but some chunks have no vector yet: the job is not done.
          if (report.embedding?.error !== undefined) return exitCodes.userError;
          return nothingIngested && report.skipped.length > 0 ? exitCodes.userError : exitCodes.ok;
        } finally {
          await kb.close();
        }
      }),
    );
};

interface IngestFlags {
  include?: string[];
  exclude?: string[];
  prune?: boolean;
  followExternalLinks?: boolean;
}

/** Most lines of one kind (skipped files, removed paths) printed; the rest is summarised in one line. */
const listedLines = 50;

function write(context: CommandContext, report: IngestReport): void {
  const { io } = context;
  if (context.json) {
    io.stdout(`${JSON.stringify(report)}\n`);
  } else {
    io.stdout(
      `kb '${report.kb}': ${report.added} added, ${report.updated} updated, ${report.removed} removed, ` +
        `${report.unchanged} unchanged; ${report.chunks} chunks written ` +
        `(${report.totalDocuments} documents, ${report.totalChunks} chunks in all) in ${Math.round(report.ms)} ms\n`,
    );
  }
  const { embedding } = report;
  if (embedding !== undefined && !context.json) {
    io.stdout(`embeddings: ${embedding.embedded} texts embedded; ${embedding.covered} of ${embedding.chunks} chunks have vectors (${Math.round(embedding.ms)} ms)\n`);
  }
  if (!context.json) {
    if (report.kept > 0) {
      io.stdout(`kept ${report.kept} tracked files as they were: they (or a folder above them) could not be read (see skipped)\n`);
    }
    if (report.leftOut > 0) {
      io.stdout(
        `kept ${report.leftOut} tracked files that the include/exclude rules now leave out; ` +
          'ingest again with --prune to remove them\n',
      );
    }
    for (const path of report.removedPaths.slice(0, listedLines)) io.stdout(`removed ${printable(path)}\n`);
    if (report.removedPaths.length > listedLines) io.stdout(`... and ${report.removedPaths.length - listedLines} more removed\n`);
  }
  for (const skipped of report.skipped.slice(0, listedLines)) {
    io.stderr(`skipped ${printable(skipped.path)}: ${printable(skipped.reason)}\n`);
  }
  if (report.skippedTotal > listedLines) {
    io.stderr(`... and ${report.skippedTotal - listedLines} more skipped (--json lists the first ${report.skipped.length})\n`);
  }
  if (embedding?.error !== undefined) {
    io.stderr(
      `error: embedding stopped (${embedding.error.message}); ${embedding.chunks - embedding.covered} chunks have no vector yet. ` +
        'Run the same ingest again to finish: finished chunks are kept and not embedded again\n',
    );
  }
}
