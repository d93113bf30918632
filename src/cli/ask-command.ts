import { openKnowledgeBase, type AnswerStrategy, type RetrievalPreset } from '../app/open-knowledge-base.js';
import { addFilterOptions, filterFromFlags, type FilterFlags } from './add-filter-options.js';
import { parsePresets } from './parse-presets.js';
import { exitCodes } from './exit-code-for.js';
import { parseStrategies } from './parse-strategy.js';
import { previewText } from './preview-text.js';
import { printable } from './printable.js';
import type { Register } from './command-context.js';

/** `grounded ask QUESTION`: a cited answer, or an abstention when the knowledge base lacks the evidence. */
export const askCommand: Register = (program, run) => {
  addFilterOptions(
    program
      .command('ask')
      .description('answer a question with citations, or say it is not in the knowledge base')
      .argument('<question>', 'the question')
      .option('--strategy <name>', 'rag (default), long-context (whole corpus in the prompt) or closed-book (no retrieval)', parseStrategies)
      .option('--preset <name>', 'retrieval: lexical, hybrid (needs an embedder) or hybrid-rerank (also a reranker)', parsePresets),
  ).action(
      run(async (context, question: string, options: FilterFlags & { strategy?: AnswerStrategy[]; preset?: RetrievalPreset[] }) => {
        const kb = openKnowledgeBase({ config: context.config, kb: context.kb });
        try {
          const strategy = options.strategy?.[0] ?? 'rag';
          const filter = filterFromFlags(options);
          const retrieval = {
            ...(options.preset?.[0] === undefined ? {} : { preset: options.preset[0] }),
            ...(filter === undefined ? {} : { filter }),
          };
          if (context.json) {
            const answer = await kb.answer(question, { strategy, ...retrieval });
            context.io.stdout(`${JSON.stringify(answer)}\n`);
            return exitCodes.ok;
          }
          // Streams the model's tokens as they arrive; the extractive answer arrives in one piece.
          let streamed = false;
          const answer = await kb.answer(question, {
            strategy,
            ...retrieval,
            onDelta: (text) => {
              streamed = true;
              context.io.stdout(text);
            },
          });
          // An abstention before generation streams nothing; one after it streamed the model's own words.
          if (answer.abstained) context.io.stdout(`${streamed ? '\n' : ''}${answer.answer}`);
          context.io.stdout('\n');
          if (answer.unsupportedSentences > 0 || answer.danglingMarkers.length > 0) {
            context.io.stdout(
              `\nwarning: ${answer.unsupportedSentences} cited sentence(s) not supported by their sources` +
                (answer.danglingMarkers.length > 0 ? `; markers pointing at no source: ${answer.danglingMarkers.map((n) => `[${n}]`).join(' ')}` : '') +
                '\n',
            );
          }
          if (answer.citations.length > 0) {
            context.io.stdout('\nSources:\n');
            for (const citation of answer.citations) {
              context.io.stdout(`  [${citation.n}] ${printable(citation.doc)} (chars ${citation.start}-${citation.end})\n`);
              context.io.stdout(`      "${previewText(citation.quote, 160)}"\n`);
            }
          }
          if (answer.usage !== null) {
            const cost = answer.costUsd === null ? 'no price configured' : `$${answer.costUsd.toFixed(5)}`;
            context.io.stdout(
              `\n${answer.modelId}: ${answer.usage.inputTokens} tokens in (${answer.usage.cachedInputTokens} cached), ` +
                `${answer.usage.outputTokens} out, ${cost}\n`,
            );
          }
          return exitCodes.ok;
        } finally {
          await kb.close();
        }
      }),
    );
};
