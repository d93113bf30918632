import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectedValueKinds } from './expected-value-kinds.js';
import { valueKindsIn } from './value-kinds-in.js';

describe('expectedValueKinds and valueKindsIn', () => {
  it('reads the kind of value a question asks for', () => {
    assert.deepEqual(expectedValueKinds('How long does Traefik wait by default?'), { kinds: ['duration'], asksDefault: true });
    assert.ok(expectedValueKinds('Which port does the monitoring endpoint listen on?').kinds.includes('port'));
    assert.ok(expectedValueKinds('What HTTP status code is returned?').kinds.includes('status'));
    assert.ok(expectedValueKinds('Which flag disables colour?').kinds.includes('identifier'));
    assert.ok(expectedValueKinds('Can I set both at once?').kinds.includes('polar'));
    assert.deepEqual(expectedValueKinds('Tell me about routers').kinds, []);
    assert.ok(expectedValueKinds('Our names contain spaces. Will that still work after the upgrade?').kinds.includes('polar'));
    assert.ok(expectedValueKinds('What is the default readTimeout on an entry point?').kinds.includes('duration'));
    assert.ok(expectedValueKinds('What is the maximum time to read a request?').kinds.includes('duration'));
    assert.ok(!expectedValueKinds('Can I set both at the same time?').kinds.includes('duration'));
    assert.ok(expectedValueKinds('Which subject can I watch for advisories?').kinds.includes('identifier'));
  });

  it('finds values of each kind in text', () => {
    assert.ok(valueKindsIn('It waits 10s before stopping.', 'sentence').has('duration'));
    assert.ok(valueKindsIn('Bodies above 2MB are refused.', 'sentence').has('size'));
    assert.ok(valueKindsIn('It returns 503 while stopping.', 'sentence').has('status'));
    assert.ok(valueKindsIn('Set `readTimeout` to change it.', 'sentence').has('identifier'));
    assert.ok(valueKindsIn('Supported since v2.10.1.', 'sentence').has('version'));
    assert.ok(valueKindsIn('| a | b |', 'row').has('list'));
    assert.ok(!valueKindsIn('Routers match requests.', 'sentence').has('duration'));
  });
});
