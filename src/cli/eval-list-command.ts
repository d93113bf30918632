import { openKnowledgeBase } from '../app/open-knowledge-base.js';
import type { Register } from './command-context.js';
import { evalGroup } from './eval-group.js';
import { exitCodes } from './exit-code-for.js';

/** `grounded eval list`: the knowledge base's run history, newest first. */
export const evalListCommand: Register = (program, run) => {
  evalGroup(program)
    .command('list')
    .description('list stored evaluation runs, newest first')
    .action(
      run(async (context) => {
        const kb = openKnowledgeBase({ config: context.config, kb: context.kb });
        try {
          const runs = await kb.store.runs.list();
          if (context.json) {
            context.io.stdout(`${JSON.stringify({ kb: context.kb, runs })}\n`);
          } else if (runs.length === 0) {
            context.io.stdout(`no runs yet; run: grounded eval run --kb ${context.kb} --golden FILE\n`);
          } else {
            for (const stored of runs) {
              const figures = Object.entries(stored.summary)
                .map(([key, value]) => `${key} ${typeof value === 'number' && !Number.isInteger(value) ? value.toFixed(3) : String(value)}`)
                .join('  ');
              context.io.stdout(`${stored.id}  ${stored.createdAt}  ${figures}  ${stored.golden}\n`);
            }
          }
          return exitCodes.ok;
        } finally {
          await kb.close();
        }
      }),
    );
};
