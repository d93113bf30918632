import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GroundedError } from '../core/errors.js';
import { configSchema, type GroundedConfig, type GroundedConfigInput } from './config-schema.js';

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

/**
 * Resolves the configuration: defaults, then the config file, then the environment, then `overrides`.
 * Throws `INVALID_CONFIG` naming the bad field.
 *
 * @example
 * const config = loadConfig({ overrides: { dataDir: '/tmp/kb' } });
 */
export function loadConfig(options: LoadConfigOptions = {}): GroundedConfig {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const file = options.file ?? resolve(cwd, 'grounded.config.json');
  const fromFile = readConfigFile(file, options.file !== undefined);
  const fromEnv = configFromEnvironment(env);
  const merged = mergeDeep(mergeDeep(fromFile, fromEnv), options.overrides ?? {});
  const parsed = configSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined ? '' : issue.path.join('.');
    throw new GroundedError('INVALID_CONFIG', `invalid configuration at '${where}': ${issue?.message ?? 'unknown'}`, {
      details: { file },
      hint: 'fix the field in grounded.config.json (see docs/configuration.md)',
    });
  }
  const config = parsed.data;
  // Model folders, like the data directory, are relative to where the command runs.
  const inCwd = <T extends { path?: string | undefined }>(settings: T): T =>
    settings.path === undefined ? settings : { ...settings, path: resolve(cwd, settings.path) };
  return { ...config, dataDir: resolve(cwd, config.dataDir), embedder: inCwd(config.embedder), reranker: inCwd(config.reranker) };
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
