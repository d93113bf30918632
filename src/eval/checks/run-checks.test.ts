import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BehaviourCheck } from '../../core/golden-case.js';
import { runChecks } from './run-checks.js';

const one = (answer: string, check: BehaviourCheck) => {
  const [result] = runChecks(answer, [check]);
  assert.ok(result !== undefined);
  return result;
};

describe('runChecks: json_schema', () => {
  const schema = { type: 'object', required: ['limit'], properties: { limit: { type: 'integer' } } };
  it('validates the whole answer as JSON', () => {
    assert.equal(one('{"limit": 5}', { type: 'json_schema', schema }).passed, true);
  });
  it('falls back to the first ```json block', () => {
    const answer = 'Here you go:\n```json\n{"limit": 5}\n```\nand another\n```json\n{"limit": "x"}\n```';
    assert.equal(one(answer, { type: 'json_schema', schema }).passed, true);
  });
  it('reports the first Ajv error as detail', () => {
    assert.deepEqual(one('{"limit": "five"}', { type: 'json_schema', schema }), {
      type: 'json_schema', passed: false, detail: '/limit must be integer',
    });
    assert.equal(one('{}', { type: 'json_schema', schema }).detail, "/ must have required property 'limit'");
  });
  it('fails on non-JSON answers, broken blocks and abstentions', () => {
    assert.equal(one('The limit is 5.', { type: 'json_schema', schema }).detail, 'the answer is not JSON and has no ```json block');
    assert.equal(one('```json\n{limit: 5}\n```', { type: 'json_schema', schema }).detail, 'the ```json block is not valid JSON');
    assert.equal(one('', { type: 'json_schema', schema }).passed, false);
  });
  it('an invalid schema fails the check instead of throwing', () => {
    const result = one('{"limit": 5}', { type: 'json_schema', schema: { type: 'no-such-type' } });
    assert.equal(result.passed, false);
    assert.match(result.detail, /^invalid JSON schema: /);
  });
  it('two schemas with the same $id both work', () => {
    const first = { $id: 'answer', type: 'object', required: ['a'] };
    const second = { $id: 'answer', type: 'object', required: ['b'] };
    assert.equal(one('{"a": 1}', { type: 'json_schema', schema: first }).passed, true);
    assert.equal(one('{"a": 1}', { type: 'json_schema', schema: second }).passed, false);
  });
});

describe('runChecks: max_words', () => {
  it('counts words, not citation markers or lone punctuation', () => {
    assert.deepEqual(one('Use the buffering middleware [1] - always.', { type: 'max_words', value: 5 }), {
      type: 'max_words', passed: true, detail: '5 words (max 5)',
    });
    assert.equal(one('one two three', { type: 'max_words', value: 2 }).passed, false);
    assert.deepEqual(one('', { type: 'max_words', value: 0 }), { type: 'max_words', passed: true, detail: '0 words (max 0)' });
  });
});

describe('runChecks: must_include / must_not_include', () => {
  it('compares case-insensitively', () => {
    assert.equal(one('Contact SUPPORT@example.com', { type: 'must_include', value: 'support@example.COM' }).passed, true);
    assert.equal(one('As an AI model, I think', { type: 'must_not_include', value: 'as an ai' }).passed, false);
    assert.equal(one('No refusal here', { type: 'must_not_include', value: 'as an ai' }).passed, true);
    assert.equal(one('', { type: 'must_include', value: 'x' }).passed, false);
  });
  it('treats white space runs as one space', () => {
    assert.equal(one('basic\n  auth', { type: 'must_include', value: 'Basic Auth' }).passed, true);
  });
});

describe('runChecks: regex', () => {
  it('matches anywhere, case-sensitively', () => {
    assert.equal(one('Status: 200 OK', { type: 'regex', value: '^Status: \\d{3}' }).passed, true);
    assert.equal(one('status: 200', { type: 'regex', value: '^Status' }).passed, false);
  });
  it('an invalid regex fails with a clear detail and never throws', () => {
    const result = one('anything', { type: 'regex', value: '(unclosed' });
    assert.equal(result.passed, false);
    assert.match(result.detail, /^invalid regex \/\(unclosed\/: /);
  });
});

describe('runChecks: language', () => {
  it('identifies the language and maps 639-3 to 639-1', () => {
    assert.deepEqual(one('Die Anfrage wird ab einem Megabyte auf der Festplatte gepuffert.', { type: 'language', value: 'de' }), {
      type: 'language', passed: true, detail: 'detected de (deu), expected de',
    });
    assert.equal(one('The request is buffered on disk once it exceeds one megabyte.', { type: 'language', value: 'de' }).passed, false);
    assert.equal(one('La requête est mise en mémoire tampon sur le disque.', { type: 'language', value: 'fra' }).passed, true);
  });
  it('passes text too short to identify', () => {
    assert.deepEqual(one('Ja, genau. [1]', { type: 'language', value: 'en' }), {
      type: 'language', passed: true, detail: 'too short to identify',
    });
    assert.equal(one('', { type: 'language', value: 'de' }).passed, true);
  });
  it('fails a language franc-min cannot identify, with a detail', () => {
    const result = one('Dette er en dansk sætning om noget helt andet.', { type: 'language', value: 'da' });
    assert.equal(result.passed, false);
    assert.match(result.detail, /'da' is not one franc-min can identify/);
  });
});

describe('runChecks', () => {
  it('returns one result per check, in order, and fails malformed checks without throwing', () => {
    const checks = [
      { type: 'max_words', value: 10 },
      { type: 'must_include', value: 'sekunden' },
      { type: 'shout', value: 'x' },
      { type: 'max_words', value: 'ten' },
    ] as unknown as BehaviourCheck[];
    assert.deepEqual(
      runChecks('Antwort: 5 Sekunden.', checks).map((result) => [result.type, result.passed]),
      [['max_words', true], ['must_include', true], ['shout', false], ['max_words', false]],
    );
    assert.equal(runChecks('x', checks)[2]?.detail, "unknown check type 'shout'");
    assert.deepEqual(runChecks('anything', []), []);
  });
});
