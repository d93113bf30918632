import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildClosedBookPrompt } from './build-closed-book-prompt.js';
import { closedBookAbstentionSentence } from './default-behaviour.js';

describe('buildClosedBookPrompt', () => {
  it('has a cacheable behaviour prefix identical across questions and no knowledge layer', () => {
    const first = buildClosedBookPrompt({ question: 'What is Traefik?' });
    const second = buildClosedBookPrompt({ question: 'What is a router?' });
    assert.deepEqual(first[0], second[0]);
    assert.equal(first[0]?.cacheBreakpoint, true);
    assert.deepEqual(first.slice(1), [{ role: 'user', content: 'Question: What is Traefik?' }]);
    assert.ok(!first.some((message) => message.content.includes('Sources')));
  });

  it('tells the model to answer from its own knowledge and to say when it does not know', () => {
    const system = buildClosedBookPrompt({ question: 'q' })[0]?.content ?? '';
    assert.match(system, /own knowledge/);
    assert.ok(system.includes(`reply exactly "${closedBookAbstentionSentence}"`));
    const custom = buildClosedBookPrompt({ question: 'q', behaviour: { instructions: 'Answer briefly.' } });
    assert.equal(custom[0]?.content, 'Answer briefly.');
  });
});
