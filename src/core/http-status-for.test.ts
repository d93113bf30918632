import assert from 'node:assert/strict';
import { it } from 'node:test';
import { httpStatusFor } from './http-status-for.js';

it('maps the caller\'s mistakes to 4xx and the host\'s or a provider\'s trouble to 5xx', () => {
  assert.equal(httpStatusFor('INVALID_ARGUMENT'), 400);
  assert.equal(httpStatusFor('KB_NOT_FOUND'), 404);
  assert.equal(httpStatusFor('NOT_READY'), 409);
  assert.equal(httpStatusFor('INVALID_DATA'), 422);
  assert.equal(httpStatusFor('INTERNAL'), 500);
  assert.equal(httpStatusFor('STORE_BUSY'), 503);
  assert.equal(httpStatusFor('PROVIDER_TIMEOUT'), 504);
});
