import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GroundedError } from '../core/errors.js';
import type { GroundedConfigInput } from './config-schema.js';

/** Where configuration comes from, highest precedence last. */
export interface LoadConfigOptions {
  /** Explicit config file; when absent, `grounded.config.json` in `cwd` is used if it exists. */
  readonly file?: string;
  readonly cwd?: string;
  /** Environment (default `process.env`); only `GROUNDED_*` variables are read. */
  readonly env?: NodeJS.ProcessEnv;
  /** Overrides from the command line, applied last. */
  readonly overrides?: GroundedConfigInput;
}

/** The unvalidated settings {@link readConfigInput} gathered, and where they were read. */
export interface ConfigInput {
  readonly input: GroundedConfigInput;
  /** The config file looked for (it may not exist). */
  readonly file: string;
  readonly cwd: string;
}

/**
 * Gathers the configuration before validation: the config file, then the `GROUNDED_*` environment, then `overrides`,
 * merged deeply. Throws `INVALID_CONFIG` for a named config file that is missing or any config file that is not JSON.
 * Validation and defaults are `loadConfig`'s; this part needs no schema library, so a start-up with nothing to
 * validate does not load one.
 *
 * @example
 * const { input } = readConfigInput({ cwd: process.cwd(), env: process.env }); // {} when nothing is set
 */
export function readConfigInput(options: LoadConfigOptions = {}): ConfigInput {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const file = options.file ?? resolve(cwd, 'grounded.config.json');
  const fromFile = readConfigFile(file, options.file !== undefined);
  const fromEnv = configFromEnvironment(env);
  return { input: mergeDeep(mergeDeep(fromFile, fromEnv), options.overrides ?? {}), file, cwd };
}

/** `GROUNDED_*` variables as config (see docs/cli.md); unset or empty variables are left out. */
function configFromEnvironment(env: NodeJS.ProcessEnv): GroundedConfigInput {
  const value = (name: string): string | undefined => (env[name] === undefined || env[name] === '' ? undefined : env[name]);
  const llm = {
    provider: value('GROUNDED_LLM_PROVIDER'),
    baseUrl: value('GROUNDED_LLM_BASE_URL'),
    model: value('GROUNDED_LLM_MODEL'),
    apiKey: value('GROUNDED_LLM_API_KEY'),
  };
  const defined = (entries: Record<string, string | undefined>): Record<string, string> | undefined => {
    const kept = Object.fromEntries(Object.entries(entries).filter(([, entry]) => entry !== undefined)) as Record<string, string>;
    return Object.keys(kept).length === 0 ? undefined : kept;
  };
  const model = (prefix: string): Record<string, string> | undefined =>
    defined({
      provider: value(`${prefix}_PROVIDER`),
      baseUrl: value(`${prefix}_BASE_URL`),
      model: value(`${prefix}_MODEL`),
      apiKey: value(`${prefix}_API_KEY`),
      path: value(`${prefix}_PATH`),
    });
  const definedLlm = defined(llm);
  const embedder = model('GROUNDED_EMBEDDER');
  const reranker = model('GROUNDED_RERANKER');
  return {
    ...(value('GROUNDED_DATA_DIR') === undefined ? {} : { dataDir: value('GROUNDED_DATA_DIR') }),
    ...(definedLlm === undefined ? {} : { llm: definedLlm as GroundedConfigInput['llm'] }),
    ...(embedder === undefined ? {} : { embedder: embedder as GroundedConfigInput['embedder'] }),
    ...(reranker === undefined ? {} : { reranker: reranker as GroundedConfigInput['reranker'] }),
  };
}

function readConfigFile(file: string, required: boolean): GroundedConfigInput {
  if (!existsSync(file)) {
    if (required) {
      throw new GroundedError('INVALID_CONFIG', `config file not found: ${file}`, { hint: 'check the --config path' });
    }
    return {};
  }
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as GroundedConfigInput;
  } catch (error) {
    throw new GroundedError('INVALID_CONFIG', `config file ${file} is not valid JSON: ${(error as Error).message}`, {
      hint: 'fix the JSON syntax in the config file',
      cause: error,
    });
  }
}

function mergeDeep<T>(base: T, override: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(override)) return (override === undefined ? base : override) as T;
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value !== undefined) result[key] = mergeDeep(result[key], value);
  }
  return result as T;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
