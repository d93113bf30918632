import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ScoredChunk } from '../../core/document.js';
import { createAnalyzer } from '../../indexing/lexical/create-analyzer.js';
import { questionTerms } from '../answerability/question-terms.js';
import { chooseAnswerUnits } from './choose-answer-units.js';

const analyzer = createAnalyzer();
// Every term weighs the same: the tests are about which unit wins, not about idf.
const idf = (): number => 1;

function passage(text: string, rank = 1, doc = `doc${rank}.md`): ScoredChunk {
  return {
    chunk: { id: `${doc}#0`, doc, title: '', ordinal: 0, start: 0, end: text.length, text, headingPath: [], tokens: 0 },
    score: 1,
    rank,
  };
}

function chosen(question: string, passages: readonly ScoredChunk[], options: { maxUnits?: number; preferValues?: boolean } = {}): string[] {
  return chooseAnswerUnits(question, questionTerms(question, { analyzer, idf }), passages, { analyzer, ...options }).map((unit) => unit.text);
}

describe('chooseAnswerUnits', () => {
  it('prefers the unit holding the kind of value asked for over one that only restates the question', () => {
    const text = 'The stapled response is kept for revoked certificates. A dropped certificate keeps its stapled response for 24 hours.';
    const question = 'How long is the stapled response of a dropped certificate kept?';
    assert.deepEqual(chosen(question, [passage(text)], { maxUnits: 1 }), ['A dropped certificate keeps its stapled response for 24 hours.']);
  });

  it('credits a unit with the words of the unit just before it ("One way to achieve that is ...")', () => {
    const question = 'How do I force a reload of new certificate contents?';
    const touch = 'To force a reload, run `touch` on the file.';
    const best = (before: string) => chooseAnswerUnits(question, questionTerms(question, { analyzer, idf }), [passage(`${before} ${touch}`)], { analyzer, maxUnits: 1 })[0];
    const afterRelated = best('New certificate contents are ignored.');
    const afterUnrelated = best('Routers match requests by host.');
    assert.equal(afterRelated?.text, touch);
    assert.equal(afterUnrelated?.text, touch);
    assert.ok((afterRelated?.score ?? 0) > (afterUnrelated?.score ?? 0));
  });

  it('quotes a unit with the asked kind after an untyped best unit when it is a fair candidate', () => {
    const first = passage('The server keeps pending messages in a local buffer of the subscription before the library drops them.', 1);
    const second = passage('The subscription buffer limit is 65536 messages.', 2);
    const answer = chosen('How many pending messages can the subscription buffer hold before the library drops them?', [first, second], { maxUnits: 2 });
    assert.ok(answer.some((text) => text.includes('65536')), answer.join(' | '));
  });

  it('never quotes a question left without its answer (a FAQ entry cut at the chunk end)', () => {
    const faq = passage('What does the NATS acronym stand for?', 1);
    const answer = passage('The name stands for Neural Autonomic Transport System.', 2);
    assert.deepEqual(chosen('What does the name NATS stand for?', [faq, answer], { maxUnits: 1 }), ['The name stands for Neural Autonomic Transport System.']);
  });

  it('without preferValues ranks by coverage alone (what the answerability signal reads)', () => {
    const text = 'The stapled response of a dropped certificate is kept until it expires. Responses last 24 hours.';
    const question = 'How long is the stapled response of a dropped certificate kept?';
    assert.deepEqual(chosen(question, [passage(text)], { maxUnits: 1, preferValues: false }), ['The stapled response of a dropped certificate is kept until it expires.']);
  });
});
