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

test('refuses nesting deeper than maxDepth, at any point of the value', () => {
  let deep: unknown = 'leaf';
  for (let level = 0; level < 100_000; level++) deep = [deep];
  assert.throws(() => toJsonSafe({ a: deep }), /metadata is nested deeper than 64 levels/);
  let ok: unknown = 'leaf';
  for (let level = 0; level < 64; level++) ok = { next: ok }; // 64 levels of objects: allowed
  assert.doesNotThrow(() => JSON.stringify(toJsonSafe(ok)));
  assert.throws(() => toJsonSafe({ wrap: ok }), /deeper than 64/);
  assert.throws(() => toJsonSafe([[[1]]], { maxDepth: 2 }), /deeper than 2 levels/);
});

test('stops an alias bomb (shared references expanded) after maxValues steps', () => {
  // Nine references to nine references ... nine levels down: 387 million values once copied.
  let bomb: unknown = Array.from({ length: 9 }, () => 'lol');
  for (let level = 0; level < 8; level++) {
    const shared = bomb;
    bomb = Array.from({ length: 9 }, () => shared);
  }
  const started = performance.now();
  assert.throws(() => toJsonSafe({ bomb }), /metadata has more than 100,000 values/);
  assert.ok(performance.now() - started < 2000);
  assert.deepEqual(toJsonSafe({ a: [1, 2] }, { maxValues: 4 }), { a: [1, 2] });
  assert.throws(() => toJsonSafe({ a: [1, 2, 3] }, { maxValues: 4 }), /more than 4 values/);
});

test('keeps a __proto__ key as a plain key', () => {
  const copy = toJsonSafe(JSON.parse('{"__proto__": {"polluted": true}}')) as Record<string, unknown>;
  assert.deepEqual(Object.keys(copy), ['__proto__']);
  assert.equal(({} as { polluted?: boolean }).polluted, undefined);
  assert.equal(Object.getPrototypeOf(copy), Object.prototype);
});
