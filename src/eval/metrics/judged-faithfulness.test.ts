import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChatModel, ChatRequest } from '../../core/chat-model.js';
import { judgedFaithfulness } from './judged-faithfulness.js';

// A scripted judge: decomposes into fixed claims and supports those whose words appear in the context.
function judge(claims: string[]): ChatModel & { requests: ChatRequest[] } {
  const requests: ChatRequest[] = [];
  const usage = { inputTokens: 1, outputTokens: 1, cachedInputTokens: 0, cacheWriteTokens: 0 };
  return {
    provider: 'scripted',
    modelId: 'judge-1',
    capabilities: { streaming: false, structuredOutput: false, promptCaching: false, contextWindow: 10_000 },
    requests,
    async doGenerate(request) {
      requests.push(request);
      const user = request.messages.at(-1)?.content ?? '';
      if (user.startsWith('ANSWER:')) return { text: claims.length === 0 ? 'NONE' : claims.join('\n'), usage, finishReason: 'stop', modelId: 'judge-1' };
      const context = /CONTEXT:\n([\s\S]*)\n\nCLAIMS:/.exec(user)?.[1] ?? '';
      const lines = claims.map((claim, index) => `${index + 1}: ${context.includes(claim.split(' ')[0] ?? '?') ? 'yes' : 'no'}`);
      return { text: lines.join('\n'), usage, finishReason: 'stop', modelId: 'judge-1' };
    },
    doStream() {
      throw new Error('not used');
    },
  };
}

describe('judgedFaithfulness', () => {
  it('is the share of the answer’s claims the context supports', async () => {
    const model = judge(['gzip compresses responses', 'AES encrypts responses', 'gzip is off by default']);
    const result = await judgedFaithfulness('It uses gzip [1]. It encrypts with AES [2]. Off by default [1].', 'gzip middleware; off by default', model);
    assert.deepEqual(result, { claims: 3, supported: 2, score: 2 / 3 });
    // Markers are not part of what is judged; instructions come first as a cacheable prefix.
    assert.doesNotMatch(model.requests[0]?.messages.at(-1)?.content ?? '', /\[1\]/);
    assert.equal(model.requests[1]?.messages[0]?.cacheBreakpoint, true);
  });

  it('does not score empty answers or answers without claims, and never calls the judge for an empty one', async () => {
    const model = judge([]);
    assert.deepEqual(await judgedFaithfulness('', 'ctx', model), { claims: 0, supported: 0, score: null });
    assert.equal(model.requests.length, 0);
    assert.deepEqual(await judgedFaithfulness('Hello!', 'ctx', model), { claims: 0, supported: 0, score: null });
  });

  it('counts a claim the judge leaves out as unsupported', async () => {
    const model = judge(['gzip one', 'gzip two']);
    const original = model.doGenerate.bind(model);
    model.doGenerate = async (request) => {
      const result = await original(request);
      return (request.messages.at(-1)?.content ?? '').startsWith('CONTEXT') ? { ...result, text: '1: yes' } : result;
    };
    assert.deepEqual(await judgedFaithfulness('a', 'gzip', model), { claims: 2, supported: 1, score: 0.5 });
  });
});
