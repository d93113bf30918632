import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { openKnowledgeBase } from '../app/open-knowledge-base.js';
import { tuneAnswerability, type AnswerabilityTuning } from '../app/tune-answerability.js';
import type { CommandContext, Register } from './command-context.js';
import { exitCodes } from './exit-code-for.js';

interface TuneFlags {
  golden?: string;
  dryRun?: boolean;
  reset?: boolean;
}

const pct = (value: number): string => `${(value * 100).toFixed(1)}%`;

/**
 * `grounded tune answerability --golden FILE [--dry-run]`: fits the knowledge base's answerability gate on a golden
 * set, reports 5-fold cross-validated over-refusal and abstention recall before and after, and stores the model that
 * `ask` then uses. `--reset` deletes it, so `ask` goes back to the shipped model.
 */
export const tuneCommand: Register = (program, run) => {
  program
    .command('tune')
    .description('calibrate the knowledge base on your own labelled questions')
    .command('answerability')
    .description('fit when to abstain on a golden set of this knowledge base; ask uses the fitted model from then on')
    .option('--golden <file>', 'golden set with answerable and unanswerable cases, at least 20 (JSON Lines, see docs/golden-set.md)')
    .option('--dry-run', 'fit and report, but store nothing')
    .addOption(new Option('--reset', 'delete the tuned model; ask goes back to the shipped one').conflicts(['golden', 'dryRun']))
    .hook('preAction', (command: Command) => {
      const flags = command.opts<TuneFlags>();
      if (flags.golden === undefined && flags.reset !== true) {
        command.error("error: required option '--golden <file>' not specified (or --reset to go back to the shipped model)", { exitCode: exitCodes.usage });
      }
    })
    .action(
      run(async (context, flags: TuneFlags) => {
        if (flags.golden === undefined) return reset(context);
        const tuning = await tuneAnswerability({ config: context.config, kb: context.kb, golden: resolve(context.io.cwd, flags.golden), dryRun: flags.dryRun === true });
        const { goldenProblems, ...document } = tuning;
        context.io.stdout(context.json ? `${JSON.stringify(document)}\n` : formatTuning(tuning, context));
        for (const problem of goldenProblems) context.io.stderr(`golden set line ${problem.line}: ${problem.reason}\n`);
        return exitCodes.ok;
      }),
    );
};

async function reset(context: CommandContext): Promise<number> {
  const kb = openKnowledgeBase({ config: context.config, kb: context.kb });
  try {
    const deleted = await kb.store.tunedModels.delete('answerability');
    if (context.json) {
      context.io.stdout(`${JSON.stringify({ kb: context.kb, reset: true, deleted })}\n`);
    } else {
      context.io.stdout(
        deleted
          ? `deleted the tuned answerability model of '${context.kb}'; ask uses the shipped model again\n`
          : `'${context.kb}' had no tuned answerability model; ask uses the shipped model\n`,
      );
    }
    return exitCodes.ok;
  } finally {
    await kb.close();
  }
}

function formatTuning(tuning: AnswerabilityTuning, context: CommandContext): string {
  const { crossValidation: cv, model, shipped } = tuning;
  const row = (label: string, figures: { overRefusal: number; abstentionRecall: number }): string =>
    `  ${label.padEnd(34)} ${pct(figures.overRefusal).padStart(12)}  ${pct(figures.abstentionRecall).padStart(17)}`;
  const overridden = [
    ...(context.config.answer.minAnswerability === undefined ? [] : [`answer.minAnswerability (${context.config.answer.minAnswerability})`]),
    ...(context.config.llm.minAnswerability === undefined ? [] : [`llm.minAnswerability (${context.config.llm.minAnswerability})`]),
  ];
  const lines = [
    `fitted ${tuning.fit === 'intercept' ? 'the intercept only (too few cases to reweigh the signals)' : 'every coefficient, shrunk toward the shipped model'} ` +
      `on ${tuning.cases} cases (${tuning.unanswerable} unanswerable) of ${tuning.golden} for '${tuning.kb}'`,
    '',
    `  ${`${cv.folds}-fold cross-validation`.padEnd(34)} over-refusal  abstention recall`,
    row(`before: shipped model, cut ${shipped.threshold.toFixed(2)}`, cv.before),
    row('after: tuned model, its own cut', cv.after),
    row('final model on its own cases', tuning.inSample),
    '',
    `thresholds: abstain below ${model.threshold.toFixed(2)} (shipped ${shipped.threshold.toFixed(2)}); ` +
      `with a language model, do not call it below ${model.modelThreshold.toFixed(2)} (shipped ${shipped.modelThreshold.toFixed(2)})`,
    ...(overridden.length === 0 ? [] : [`note: ${overridden.join(' and ')} in your configuration override(s) these thresholds; remove it to use them`]),
    tuning.stored
      ? `stored: grounded ask --kb ${tuning.kb} uses it now; undo with grounded tune answerability --kb ${tuning.kb} --reset`
      : 'dry run: nothing stored; run it again without --dry-run to use this model',
  ];
  return `${lines.join('\n')}\n`;
}
