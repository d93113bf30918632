import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChatModel, ChatRequest, ChatStreamPart } from '../core/chat-model.js';
import type { ScoredChunk } from '../core/document.js';
import { isGroundedError } from '../core/errors.js';
import { createTokenCounterForModel } from './context/create-token-counter-for-model.js';
import { generateAnswer, type GenerateAnswerOptions } from './generate-answer.js';

// A scripted model that records its requests: the wire protocols are tested against loopback servers in providers/.
function scriptedModel(reply: string, contextWindow = 100_000): ChatModel & { requests: ChatRequest[] } {
  const requests: ChatRequest[] = [];
  const usage = { inputTokens: 120, outputTokens: 30, cachedInputTokens: 100, cacheWriteTokens: 0 };
  return {
    provider: 'scripted',
    modelId: 'scripted-1',
    capabilities: { streaming: true, structuredOutput: false, promptCaching: false, contextWindow },
    requests,
    async doGenerate(request) {
      requests.push(request);
      return { text: reply, usage, finishReason: 'stop', modelId: 'scripted-1' };
    },
    async *doStream(request): AsyncIterable<ChatStreamPart> {
      requests.push(request);
      for (const piece of reply.match(/.{1,7}/gs) ?? []) yield { type: 'text-delta', text: piece };
      yield { type: 'finish', usage, finishReason: 'stop', modelId: 'scripted-1' };
    },
  };
}

const documentText = '# Compression\n\nThe compress middleware uses gzip. Responses smaller than 1024 bytes are not compressed.\n';
const passage: ScoredChunk = {
  chunk: { id: 'compress.md#0', doc: 'compress.md', title: 'Compression', ordinal: 0, start: 0, end: documentText.length - 1, text: documentText.slice(0, -1), headingPath: ['Compression'], tokens: 20 },
  score: 3,
  rank: 1,
};
const options = (model: ChatModel, extra: Partial<GenerateAnswerOptions> = {}): GenerateAnswerOptions => ({
  model,
  strategy: 'rag',
  counter: createTokenCounterForModel('gpt-4o'),
  contextTokens: 2_000,
  maxOutputTokens: 200,
  gate: { answerability: 0.9, threshold: 0.2 },
  dropUnsupported: false,
  ...extra,
});

describe('generateAnswer', () => {
  it('answers from the packed sources with checked citations as document spans', async () => {
    const model = scriptedModel('Responses smaller than 1024 bytes are not compressed [1].');
    const answer = await generateAnswer('Which responses does the compress middleware skip?', [passage], options(model));
    assert.equal(answer.abstained, false);
    assert.equal(answer.calledModel, true);
    assert.equal(answer.unsupportedSentences, 0);
    const citation = answer.citations[0];
    assert.ok(citation !== undefined);
    assert.equal(citation.doc, 'compress.md');
    assert.equal(documentText.slice(citation.start, citation.end), citation.quote);
    assert.match(citation.quote, /1024 bytes/);
    assert.equal(answer.usage?.cachedInputTokens, 100);
    // Behaviour first (cacheable), then sources and question.
    assert.equal(model.requests[0]?.messages[0]?.cacheBreakpoint, true);
    assert.match(model.requests[0]?.messages.at(-1)?.content ?? '', /\[1\] compress\.md[\s\S]*Question: Which responses/);
  });

  it('abstains before calling the model when answerability is below the gate', async () => {
    const model = scriptedModel('should never be asked');
    const gate = { answerability: 0.1, threshold: 0.2 };
    const answer = await generateAnswer('What is the Kafka consumer group session timeout?', [passage], options(model, { gate }));
    assert.equal(answer.abstained, true);
    assert.equal(answer.calledModel, false);
    assert.equal(answer.abstainedBy, 'gate');
    assert.equal(answer.confidence, 0.1);
    assert.equal(model.requests.length, 0);
    assert.equal(answer.usage, null);
    const atThreshold = await generateAnswer('What is it?', [passage], options(scriptedModel('It uses gzip [1].'), { gate: { answerability: 0.2, threshold: 0.2 } }));
    assert.equal(atThreshold.calledModel, true);
  });

  it('reports the model’s own refusal as an abstention, worded as asked or paraphrased', async () => {
    for (const reply of ['I cannot answer this from the provided sources.', 'The provided sources do not mention a session timeout.']) {
      const answer = await generateAnswer('Which responses does the compress middleware skip?', [passage], options(scriptedModel(reply)));
      assert.deepEqual([answer.abstained, answer.calledModel, answer.citations.length, answer.abstainedBy], [true, true, 0, 'model']);
    }
  });

  it('flags a fabricated marker and an unsupported sentence, and drops them when asked', async () => {
    const reply = 'The compress middleware uses gzip [1]. It also encrypts every response with AES [1]. See the appendix [7].';
    const flagged = await generateAnswer('What does the compress middleware use?', [passage], options(scriptedModel(reply)));
    assert.deepEqual(flagged.danglingMarkers, [7]);
    assert.ok(flagged.unsupportedSentences >= 1);
    assert.equal(flagged.answer, reply);
    const dropped = await generateAnswer('What does the compress middleware use?', [passage], options(scriptedModel(reply), { dropUnsupported: true }));
    assert.match(dropped.answer, /uses gzip \[1\]/);
    assert.doesNotMatch(dropped.answer, /AES|\[7\]/);
  });

  it('asks the model as an entailment judge when configured', async () => {
    const reply = 'The compress middleware uses gzip [1]. It also encrypts every response with AES [1].';
    const model = scriptedModel(reply);
    // The judge requests reuse the scripted model: it answers "yes" only for the gzip claim.
    const judged: ChatModel & { requests: ChatRequest[] } = {
      ...model,
      async doGenerate(request) {
        model.requests.push(request);
        const last = request.messages.at(-1)?.content ?? '';
        if (last.startsWith('EVIDENCE:')) {
          const text = /CLAIM:\n.*gzip/s.test(last) ? 'yes' : 'no';
          return { text, usage: { inputTokens: 50, outputTokens: 1, cachedInputTokens: 40, cacheWriteTokens: 0 }, finishReason: 'stop', modelId: 'scripted-1' };
        }
        return model.doGenerate(request);
      },
    };
    const answer = await generateAnswer('What does the compress middleware use?', [passage], options(judged, { judgeCitations: true }));
    assert.equal(answer.unsupportedSentences, 1);
    const judgeCalls = model.requests.filter((request) => (request.messages.at(-1)?.content ?? '').startsWith('EVIDENCE:'));
    assert.equal(judgeCalls.length, 2);
    assert.equal(judgeCalls[0]?.messages[0]?.cacheBreakpoint, true);
    // The judge's tokens are counted: 30 out for the answer + 1 per judged claim.
    assert.equal(answer.usage?.outputTokens, 32);
  });

  it('streams deltas in order and returns the same text', async () => {
    const deltas: string[] = [];
    const answer = await generateAnswer('Which responses does the compress middleware skip?', [passage], options(scriptedModel('Responses smaller than 1024 bytes are not compressed [1].'), { onDelta: (text) => deltas.push(text) }));
    assert.ok(deltas.length > 3);
    assert.equal(deltas.join(''), answer.answer);
  });

  it('puts the whole corpus in the prompt for long-context, and refuses a corpus that does not fit', async () => {
    const documents = () => [{ key: 'compress.md', text: documentText }, { key: 'routing.md', text: 'Routers match requests.' }];
    const model = scriptedModel('The compress middleware uses gzip [1].');
    const answer = await generateAnswer('What does the compress middleware use?', [], options(model, { strategy: 'long-context', documents }));
    assert.equal(answer.citations[0]?.doc, 'compress.md');
    assert.match(model.requests[0]?.messages.map((m) => m.content).join('\n') ?? '', /routing\.md/);
    await assert.rejects(
      generateAnswer('What does the compress middleware use?', [], options(scriptedModel('x', 250), { strategy: 'long-context', documents })),
      (error: unknown) => isGroundedError(error, 'INVALID_ARGUMENT') && /use --strategy rag/.test(error.hint ?? ''),
    );
  });

  it('sends no knowledge for closed-book', async () => {
    const model = scriptedModel('Gzip, usually.');
    const answer = await generateAnswer('What does the compress middleware use?', [passage], options(model, { strategy: 'closed-book' }));
    assert.equal(answer.abstained, false);
    assert.doesNotMatch(model.requests[0]?.messages.map((m) => m.content).join('\n') ?? '', /1024 bytes/);
  });
});
