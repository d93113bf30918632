import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChatMessage } from '../../core/chat-model.js';
import { buildLongContextPrompt } from './build-long-context-prompt.js';
import { buildRagPrompt } from './build-rag-prompt.js';

function cachedPrefix(messages: readonly ChatMessage[]): string {
  const last = messages.findLastIndex((message) => message.cacheBreakpoint === true);
  assert.ok(last >= 0, 'no cache breakpoint');
  return JSON.stringify(messages.slice(0, last + 1));
}

const documents = [
  { key: 'compress.md', text: '# Compress\n\nSet compress=true on the router.' },
  { key: 'tls.md', text: '# TLS\n\nCertificates are renewed thirty days before they expire.' },
];

describe('buildLongContextPrompt', () => {
  it('caches behaviour and all documents, so two questions share a byte-identical prefix without the question', () => {
    const first = buildLongContextPrompt({ question: 'How do I enable compression?', documents });
    const second = buildLongContextPrompt({ question: 'When are certificates renewed?', documents });
    assert.equal(cachedPrefix(first), cachedPrefix(second));
    assert.ok(cachedPrefix(first).includes('thirty days'));
    assert.ok(!cachedPrefix(first).includes('compression?'));
    assert.ok(!cachedPrefix(second).includes('renewed?'));
  });

  it('numbers whole documents as sources and asks the question last, with the RAG behaviour', () => {
    const messages = buildLongContextPrompt({ question: 'When are certificates renewed?', documents });
    assert.deepEqual(messages.map((message) => message.role), ['system', 'user', 'user']);
    assert.equal(messages[0]?.content, buildRagPrompt({ question: 'x', sources: [] })[0]?.content);
    assert.equal(
      messages[1]?.content,
      'Sources:\n\n[1] compress.md\n# Compress\n\nSet compress=true on the router.\n\n' +
        '[2] tls.md\n# TLS\n\nCertificates are renewed thirty days before they expire.',
    );
    assert.equal(messages[2]?.content, 'Question: When are certificates renewed?');
  });
});
