import assert from 'node:assert/strict';
import { test } from 'node:test';
import { configSchema } from './config-schema.js';
import { defaultConfig } from './default-config.js';

test('is exactly what the schema makes of an empty config', () => {
  assert.deepStrictEqual(defaultConfig, configSchema.parse({}));
});
