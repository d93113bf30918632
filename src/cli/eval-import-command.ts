import { resolve } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { importFormats, importGoldenSet, type ImportFormat } from '../app/import-golden-set.js';
import type { Register } from './command-context.js';
import { evalGroup } from './eval-group.js';
import { exitCodes } from './exit-code-for.js';

/** `grounded eval import FORMAT SOURCE --out DIR`: a public dataset as a golden set (and corpus) to ingest and run. */
export const evalImportCommand: Register = (program, run) => {
  evalGroup(program)
    .command('import')
    .description(`write a golden set (and its corpus) from a public dataset: ${importFormats.join(', ')}`)
    .argument('<format>', importFormats.join(' | '), (value: string): ImportFormat => {
      if (!(importFormats as readonly string[]).includes(value)) {
        throw new InvalidArgumentError(`expected one of ${importFormats.join(', ')}`);
      }
      return value as ImportFormat;
    })
    .argument('<source>', 'squad-v2: dev-v2.0.json[.gz]; clapnq: the folder of its two JSONL files; beir: the BEIR folder')
    .requiredOption('--out <dir>', 'folder for golden.jsonl (and corpus.jsonl)')
    .option('--split <name>', 'BEIR qrels split', 'test')
    .action(
      run((context, format: ImportFormat, source: string, options: { out: string; split: string }) => {
        const outcome = importGoldenSet(format, resolve(context.io.cwd, source), resolve(context.io.cwd, options.out), {
          split: options.split,
        });
        if (context.json) {
          context.io.stdout(`${JSON.stringify(outcome)}\n`);
        } else {
          context.io.stdout(
            `${outcome.cases} cases (${outcome.unanswerable} unanswerable) -> ${outcome.golden}\n` +
              `next: grounded ingest --kb ${format} ${outcome.corpus} && grounded eval run --kb ${format} --golden ${outcome.golden}\n`,
          );
        }
        return exitCodes.ok;
      }),
    );
};
