import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { streamErrorEvent } from './stream-error-event.js';

describe('streamErrorEvent', () => {
  it('maps the error type to a code and keeps the provider message on one line', () => {
    const error = streamErrorEvent('anthropic', { type: 'error', error: { type: 'overloaded_error', message: 'Over\nloaded' } }, {});
    assert.equal(error.code, 'PROVIDER_UNAVAILABLE');
    assert.match(error.message, /anthropic reported an error mid-stream \(overloaded_error\): Over loaded$/);
  });

  it('redacts the secret header values a server echoes, also where the message is cut', () => {
    const key = 'sk-ant-test-0123456789abcdef';
    const payload = { error: { type: 'authentication_error', message: `${'x'.repeat(270)} invalid x-api-key ${key}` } };
    const anthropic = streamErrorEvent('anthropic', payload, { 'x-api-key': key, 'anthropic-version': '2023-06-01' });
    assert.equal(anthropic.code, 'PROVIDER_AUTH');
    assert.ok(!anthropic.message.includes(key.slice(0, 8)), anthropic.message);
    const openai = streamErrorEvent('openai-compatible', { error: { type: 'invalid_request_error', message: `bad key ${key}` } }, { authorization: `Bearer ${key}` });
    assert.match(openai.message, /bad key \[redacted\]$/);
  });
});
