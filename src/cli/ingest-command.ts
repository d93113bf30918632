import { createKnowledgeBase } from '../app/create-knowledge-base.js';
import type { IngestReport } from '../app/create-knowledge-base.js';
import { exitCodes } from './exit-code-for.js';
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
    .action(
      run(async (context, paths: string[], options: { include?: string[]; exclude?: string[] }) => {
        const ingest = {
          ...context.config.ingest,
          ...(options.include === undefined ? {} : { include: options.include }),
          ...(options.exclude === undefined ? {} : { exclude: [...context.config.ingest.exclude, ...options.exclude] }),
        };
        const kb = createKnowledgeBase({ config: { ...context.config, ingest }, kb: context.kb });
        try {
          const report = await kb.sync(paths.map((path) => resolve(context.io.cwd, path)));
          write(context, report);
          const nothingIngested = report.added + report.updated + report.unchanged === 0;
          // Files are in (lexical search works), but some chunks have no vector yet: the job is not done.
          if (report.embedding?.error !== undefined) return exitCodes.userError;
          return nothingIngested && report.skipped.length > 0 ? exitCodes.userError : exitCodes.ok;
        } finally {
          kb.close();
        }
      }),
    );
};

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
  for (const skipped of report.skipped) io.stderr(`skipped ${skipped.path}: ${skipped.reason}\n`);
  if (embedding?.error !== undefined) {
    io.stderr(
      `error: embedding stopped (${embedding.error.message}); ${embedding.chunks - embedding.covered} chunks have no vector yet. ` +
        'Run the same ingest again to finish: finished chunks are kept and not embedded again\n',
    );
  }
}
