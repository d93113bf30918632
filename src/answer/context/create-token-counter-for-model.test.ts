import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encode as encodeCl100k } from 'gpt-tokenizer/encoding/cl100k_base';
import { encode as encodeO200k } from 'gpt-tokenizer/encoding/o200k_base';
import { createTokenCounterForModel } from './create-token-counter-for-model.js';

// o200k and cl100k disagree on this text (9 vs 13 tokens), so a wrong family choice shows.
const cyrillic = 'Привет, как дела? Это тест.';

describe('createTokenCounterForModel', () => {
  it('counts with o200k_base for the gpt-4o, gpt-4.1, gpt-5 and o-series families', () => {
    for (const model of ['gpt-4o', 'gpt-4o-mini-2024-07-18', 'gpt-4.1-nano', 'gpt-5', 'o1', 'o3-mini', 'o4-mini', 'openai/gpt-4o']) {
      const counter = createTokenCounterForModel(model);
      assert.equal(counter.id, 'gpt-tokenizer:o200k_base', model);
      assert.equal(counter.count(cyrillic), encodeO200k(cyrillic).length, model);
    }
    assert.equal(createTokenCounterForModel('gpt-4o').count(cyrillic), 9);
  });

  it('counts with cl100k_base for gpt-4 and gpt-3.5', () => {
    for (const model of ['gpt-4', 'gpt-4-turbo', 'gpt-3.5-turbo', 'GPT-4-0613']) {
      const counter = createTokenCounterForModel(model);
      assert.equal(counter.id, 'gpt-tokenizer:cl100k_base', model);
      assert.equal(counter.count(cyrillic), encodeCl100k(cyrillic).length, model);
    }
    assert.equal(createTokenCounterForModel('gpt-4').count(cyrillic), 13);
  });

  it('counts special-token strings in documents as plain text instead of throwing', () => {
    const counter = createTokenCounterForModel('gpt-4o');
    assert.ok(counter.count('the <|endoftext|> marker') > 3);
    assert.equal(counter.count(''), 0);
  });

  it('estimates unknown families from characters: ASCII / 3.2 rounded up, plus one per non-ASCII unit', () => {
    const counter = createTokenCounterForModel('claude-sonnet-4-5');
    assert.equal(counter.id, 'estimate:ascii/3.2+non-ascii');
    assert.equal(counter.count('Hello world'), 4);
    assert.equal(counter.count('日本語'), 3);
    assert.equal(counter.count(''), 0);
    // 'o' alone is not the o-series: ollama model names must not get an OpenAI encoding.
    assert.equal(createTokenCounterForModel('ollama/llama3.1:8b').id, 'estimate:ascii/3.2+non-ascii');
  });

  it('errs high against both GPT encodings on prose, Markdown and non-Latin text', () => {
    const counter = createTokenCounterForModel('llama-3.1-70b');
    const samples = [
      'The compress middleware shrinks responses with gzip before they are sent. It is off by default.',
      '```yaml\nhttp:\n  routers:\n    my-router:\n      rule: "Host(`example.com`) && PathPrefix(`/api`)"\n```',
      cyrillic,
      'Résumé of the naïve café owner in München',
    ];
    for (const text of samples) {
      assert.ok(counter.count(text) >= Math.max(encodeO200k(text).length, encodeCl100k(text).length), text);
    }
  });
});
