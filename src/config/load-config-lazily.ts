import { resolve } from 'node:path';
import type { GroundedConfig } from './config-schema.js';
import { defaultConfig } from './default-config.js';
import { readConfigInput, type LoadConfigOptions } from './read-config-input.js';

/**
 * `loadConfig`, importing the config schema (zod, about a tenth of a second of start-up) only when there is something
 * to validate: with no config file, no `GROUNDED_*` variable but the data directory and no override but `dataDir`, the
 * result is {@link defaultConfig} with the data directory resolved, exactly what `loadConfig` returns. For the CLI,
 * where start-up is most of a short command's time.
 *
 * @example
 * const config = await loadConfigLazily({ cwd: process.cwd(), env: process.env, overrides: { dataDir: 'kb' } });
 */
export async function loadConfigLazily(options: LoadConfigOptions = {}): Promise<GroundedConfig> {
  const { input, cwd } = readConfigInput(options);
  const onlyDataDir = Object.entries(input).every(([key, value]) => value === undefined || (key === 'dataDir' && typeof value === 'string'));
  if (onlyDataDir) return { ...structuredClone(defaultConfig), dataDir: resolve(cwd, input.dataDir ?? defaultConfig.dataDir) };
  const { loadConfig } = await import('./load-config.js');
  return loadConfig(options);
}
