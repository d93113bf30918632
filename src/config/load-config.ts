import { resolve } from 'node:path';
import { GroundedError } from '../core/errors.js';
import { configSchema, type GroundedConfig } from './config-schema.js';
import { readConfigInput, type LoadConfigOptions } from './read-config-input.js';

export type { LoadConfigOptions };

/**
 * Resolves the configuration: defaults, then the config file, then the environment, then `overrides`.
 * Throws `INVALID_CONFIG` naming the bad field.
 *
 * @example
 * const config = loadConfig({ overrides: { dataDir: '/tmp/kb' } });
 */
export function loadConfig(options: LoadConfigOptions = {}): GroundedConfig {
  const { input, file, cwd } = readConfigInput(options);
  const parsed = configSchema.safeParse(input);
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
