import type { Command } from 'commander';
import type { SearchFilter } from '../core/search-filter.js';

/** The raw filter flags as commander parses them. */
export interface FilterFlags {
  readonly path?: string[];
  readonly tag?: string[];
  readonly after?: string;
  readonly before?: string;
}

/**
 * Adds the metadata filter flags (`--path`, `--tag`, `--after`, `--before`) to a command; they apply before ranking.
 *
 * @example
 * addFilterOptions(program.command('search'));
 */
export function addFilterOptions(command: Command): Command {
  return command
    .option('--path <prefixes...>', 'only documents whose path starts with one of these')
    .option('--tag <tags...>', 'only documents carrying every one of these tags (front matter tags/keywords)')
    .option('--after <date>', 'only documents dated on or after this ISO date (front matter updated/lastmod/date)')
    .option('--before <date>', 'only documents dated before this ISO date');
}

/**
 * The search filter the flags describe, or undefined when none was given.
 *
 * @example
 * filterFromFlags({ path: ['guides/'] }); // { pathPrefixes: ['guides/'] }
 */
export function filterFromFlags(flags: FilterFlags): SearchFilter | undefined {
  const filter: SearchFilter = {
    ...(flags.path === undefined ? {} : { pathPrefixes: flags.path }),
    ...(flags.tag === undefined ? {} : { tags: flags.tag }),
    ...(flags.after === undefined ? {} : { after: flags.after }),
    ...(flags.before === undefined ? {} : { before: flags.before }),
  };
  return Object.keys(filter).length === 0 ? undefined : filter;
}
