import { openKnowledgeBase, type RetrievalPreset } from '../app/open-knowledge-base.js';
import { addFilterOptions, filterFromFlags, type FilterFlags } from './add-filter-options.js';
import { parsePresets } from './parse-presets.js';
import { exitCodes } from './exit-code-for.js';
import { previewText } from './preview-text.js';
import { printable } from './printable.js';
import { parsePositiveInteger } from './parse-positive-integer.js';
import type { Register } from './command-context.js';

/** `grounded search QUERY [-k N]`: retrieval only, best passages first. */
export const searchCommand: Register = (program, run) => {
  addFilterOptions(
    program
      .command('search')
      .description('retrieve the best passages for a query (no answer)')
      .argument('<query>', 'any text; there is no query syntax')
      .option('-k <n>', 'number of passages', parsePositiveInteger)
      .option('--preset <name>', 'lexical, hybrid (needs an embedder) or hybrid-rerank (also a reranker)', parsePresets),
  ).action(
      run(async (context, query: string, options: FilterFlags & { k?: number; preset?: RetrievalPreset[] }) => {
        const kb = openKnowledgeBase({ config: context.config, kb: context.kb });
        try {
          const started = performance.now();
          const filter = filterFromFlags(options);
          const preset = options.preset?.[0];
          const results = await kb.search(query, {
            ...(options.k === undefined ? {} : { k: options.k }),
            ...(preset === undefined ? {} : { preset }),
            ...(filter === undefined ? {} : { filter }),
          });
          const ms = performance.now() - started;
          if (context.json) {
            const rows = results.map(({ chunk, score, rank }) => ({
              rank,
              score,
              doc: chunk.doc,
              chunkId: chunk.id,
              text: chunk.text,
              start: chunk.start,
              end: chunk.end,
              headingPath: chunk.headingPath,
            }));
            context.io.stdout(`${JSON.stringify({ query, preset: preset ?? kb.defaultPreset, results: rows, ms, indexLoadMs: kb.indexLoadMs })}\n`);
          } else if (results.length === 0) {
            context.io.stdout('no matching passages\n');
          } else {
            for (const { chunk, score, rank } of results) {
              const where = printable([chunk.doc, ...chunk.headingPath].join(' > '));
              context.io.stdout(`${rank}. ${where}  (score ${score.toFixed(3)}, chars ${chunk.start}-${chunk.end})\n`);
              context.io.stdout(`   ${previewText(chunk.text, 200)}\n`);
            }
          }
          return exitCodes.ok;
        } finally {
          await kb.close();
        }
      }),
    );
};
