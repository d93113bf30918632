import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChatMessage } from '../../core/chat-model.js';
import type { ScoredChunk } from '../../core/document.js';
import { createTokenCounterForModel } from '../context/create-token-counter-for-model.js';
import { packContext } from '../context/pack-context.js';
import { buildRagPrompt } from './build-rag-prompt.js';
import { abstentionSentence, defaultBehaviour } from './default-behaviour.js';

function passage(doc: string, headingPath: string[], text: string, rank: number): ScoredChunk {
  return {
    chunk: { id: `${doc}#0`, doc, title: doc, ordinal: 0, start: 0, end: text.length, text, headingPath, tokens: 0 },
    score: 1 / rank,
    rank,
  };
}

/** The cacheable prefix: every message up to and including the last one marked `cacheBreakpoint`. */
function cachedPrefix(messages: readonly ChatMessage[]): string {
  const last = messages.findLastIndex((message) => message.cacheBreakpoint === true);
  assert.ok(last >= 0, 'no cache breakpoint');
  return JSON.stringify(messages.slice(0, last + 1));
}

const counter = createTokenCounterForModel('gpt-4o');
const compress = passage('middlewares/compress.md', ['Compress', 'Enabling'], 'Set compress=true on the router.', 1);
const routing = passage('routing/rules.md', [], 'Routers are evaluated by priority.', 2);
const tls = passage('https/tls.md', ['TLS'], 'Certificates are renewed thirty days before they expire.', 1);

describe('buildRagPrompt', () => {
  it('gives two different questions with the same settings a byte-identical prefix without question or sources', () => {
    const first = buildRagPrompt({
      question: 'How do I enable compression?',
      sources: packContext([compress, routing], { budgetTokens: 1_000, counter }).sources,
      behaviour: defaultBehaviour,
    });
    const second = buildRagPrompt({
      question: 'When are certificates renewed?',
      sources: packContext([tls], { budgetTokens: 1_000, counter }).sources,
      behaviour: { ...defaultBehaviour },
    });
    assert.equal(cachedPrefix(first), cachedPrefix(second));
    for (const text of ['compression?', 'certificates renewed', 'compress=true', 'priority', 'thirty days', 'rules.md']) {
      assert.ok(!cachedPrefix(first).includes(text), text);
      assert.ok(!cachedPrefix(second).includes(text), text);
    }
  });

  it('orders the layers: behaviour system message ending the prefix, then sources, then the question', () => {
    const { sources } = packContext([compress, routing], { budgetTokens: 1_000, counter });
    const messages = buildRagPrompt({ question: '  How do I enable compression?\n', sources, behaviour: defaultBehaviour });
    assert.deepEqual(messages.map((message) => [message.role, message.cacheBreakpoint]), [['system', true], ['user', undefined]]);
    assert.equal(
      messages[1]?.content,
      'Sources:\n\n' +
        '[1] middlewares/compress.md › Compress › Enabling\nSet compress=true on the router.\n\n' +
        '[2] routing/rules.md\nRouters are evaluated by priority.\n\n' +
        'Question: How do I enable compression?',
    );
  });

  it('states the rules of the default behaviour, with the exact abstention sentence', () => {
    const system = buildRagPrompt({ question: 'q', sources: [] })[0]?.content ?? '';
    assert.ok(system.includes(`reply exactly "${abstentionSentence}"`));
    assert.match(system, /only the numbered sources/);
    assert.match(system, /Cite every sentence/);
    assert.match(system, /concise/);
  });

  it('changes the prefix when the behaviour changes, and says so when there are no sources', () => {
    const plain = buildRagPrompt({ question: 'q', sources: [], behaviour: defaultBehaviour });
    const friendly = buildRagPrompt({ question: 'q', sources: [], behaviour: { ...defaultBehaviour, tone: 'Friendly.' } });
    assert.notEqual(cachedPrefix(plain), cachedPrefix(friendly));
    assert.ok(friendly[0]?.content.endsWith('Tone: Friendly.\n\nOutput format: ' + defaultBehaviour.outputFormat));
    assert.equal(plain[1]?.content, 'Sources: none.\n\nQuestion: q');
  });
});
