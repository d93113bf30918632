import { evaluateBeir } from '../app/evaluate-beir.js';
import { evalGroup } from './eval-group.js';
import { exitCodes } from './exit-code-for.js';
import type { Register } from './command-context.js';
import type { RetrievalPreset } from '../app/open-knowledge-base.js';
import { parsePresets } from './parse-presets.js';

/** `grounded eval beir DIR [--split test]`: retrieval quality on a BEIR dataset, with a throwaway knowledge base. */
export const evalBeirCommand: Register = (program, run) => {
  evalGroup(program)
    .command('beir')
    .description('index a BEIR folder in a throwaway knowledge base and report nDCG@10, MRR@10, recall@10/100')
    .argument('<dir>', 'folder with corpus.jsonl[.gz], queries.jsonl, qrels/<split>.tsv')
    .option('--split <name>', 'qrels split', 'test')
    .option('--preset <name>', 'retrieval: lexical, hybrid (needs an embedder) or hybrid-rerank', parsePresets)
    .action(
      run(async (context, dir: string, options: { split: string; preset?: RetrievalPreset[] }) => {
        const preset = options.preset?.[0];
        const report = await evaluateBeir(dir, options.split, context.config, preset === undefined ? {} : { preset });
        if (context.json) {
          context.io.stdout(`${JSON.stringify(report)}\n`);
        } else {
          const f = (value: number): string => value.toFixed(4);
          context.io.stdout(
            `${report.dataset} (${report.split}, ${report.preset}): ${report.queries} queries over ${report.docs} documents ` +
              `(${report.chunks} chunks)\n` +
              `  nDCG@10 ${f(report.ndcgAt10)}  MRR@10 ${f(report.mrrAt10)}  recall@10 ${f(report.recallAt10)}  ` +
              `recall@100 ${f(report.recallAt100)}\n` +
              `  index ${Math.round(report.indexMs)} ms; query p50 ${report.queryP50Ms.toFixed(2)} ms, ` +
              `p95 ${report.queryP95Ms.toFixed(2)} ms\n`,
          );
        }
        return exitCodes.ok;
      }),
    );
};
