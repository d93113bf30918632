import { createKnowledgeBase } from '../app/create-knowledge-base.js';
import { exitCodes } from './exit-code-for.js';
import { previewText } from './preview-text.js';
import type { Register } from './command-context.js';

/** `grounded ask QUESTION`: a cited answer, or an abstention when the knowledge base lacks the evidence. */
export const askCommand: Register = (program, run) => {
  program
    .command('ask')
    .description('answer a question with citations, or say it is not in the knowledge base')
    .argument('<question>', 'the question')
    .action(
      run((context, question: string) => {
        const kb = createKnowledgeBase({ config: context.config, kb: context.kb });
        try {
          const answer = kb.ask(question);
          if (context.json) {
            context.io.stdout(`${JSON.stringify(answer)}\n`);
            return exitCodes.ok;
          }
          context.io.stdout(`${answer.answer}\n`);
          if (answer.citations.length > 0) {
            context.io.stdout('\nSources:\n');
            for (const citation of answer.citations) {
              context.io.stdout(`  [${citation.n}] ${citation.doc} (chars ${citation.start}-${citation.end})\n`);
              context.io.stdout(`      "${previewText(citation.quote, 160)}"\n`);
            }
          }
          return exitCodes.ok;
        } finally {
          kb.close();
        }
      }),
    );
};
