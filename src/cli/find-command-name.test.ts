import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findCommandName } from './find-command-name.js';

test('skips options and the values of global options that take one', () => {
  assert.equal(findCommandName(['search', 'tls']), 'search');
  assert.equal(findCommandName(['--json', 'search', 'tls']), 'search');
  assert.equal(findCommandName(['--kb', 'search', 'ask', 'why']), 'ask');
  assert.equal(findCommandName(['--data-dir', '/tmp/d', '--config', 'c.json', 'eval', 'list']), 'eval');
  assert.equal(findCommandName(['--kb=docs', 'ingest', '.']), 'ingest');
});

test('names no command when there is none', () => {
  assert.equal(findCommandName([]), undefined);
  assert.equal(findCommandName(['--help']), undefined);
  assert.equal(findCommandName(['--kb', 'docs']), undefined);
  assert.equal(findCommandName(['--', 'search']), undefined);
});
