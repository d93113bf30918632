import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toJsonSafe } from './to-json-safe.js';

test('turns Dates into ISO strings, deep inside objects and arrays', () => {
  const value = { date: new Date('2024-01-02T03:04:05Z'), nested: { list: [new Date(0), 'x'] } };
  assert.deepEqual(toJsonSafe(value), { date: '2024-01-02T03:04:05.000Z', nested: { list: ['1970-01-01T00:00:00.000Z', 'x'] } });
});

test('maps what JSON cannot hold to null, strings or nothing', () => {
  const value = { bad: new Date('nope'), nan: Number.NaN, big: 10n, gone: undefined, fn: () => 1, list: [undefined, Infinity, 1] };
  assert.deepEqual(toJsonSafe(value), { bad: null, nan: null, big: '10', list: [null, null, 1] });
});

test('leaves JSON values as they are', () => {
  const value = { a: 'text', b: 1.5, c: true, d: null, e: [{ f: [] }] };
  assert.deepEqual(toJsonSafe(value), value);
  assert.notEqual(toJsonSafe(value), value);
});
