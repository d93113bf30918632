import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { advisorProfileFields } from './advisor-profile-fields.js';
import { advisorProfileSchema } from './advisor-profile-schema.js';
import { interviewProfile } from './interview-profile.js';

function scripted(answers: readonly (string | null)[]) {
  const prompts: string[] = [];
  let output = '';
  let next = 0;
  return {
    prompts,
    output: () => output,
    io: {
      ask: (prompt: string) => {
        prompts.push(prompt);
        return Promise.resolve(next < answers.length ? (answers[next++] ?? null) : null);
      },
      write: (text: string) => {
        output += text;
      },
    },
  };
}

describe('interviewProfile', () => {
  it('asks every question with its default and explanation, and reads the answers', async () => {
    const answers = advisorProfileFields.map((field) =>
      field.name === 'gap' ? 'beh' : field.name === 'labeledExamples' ? '1,200' : field.name === 'languages' ? 'en, de' : field.name === 'promptingTried' ? 'yes' : '',
    );
    const session = scripted(answers);
    const profile = await interviewProfile(advisorProfileSchema.parse({}), session.io);
    assert.equal(session.prompts.length, advisorProfileFields.length);
    assert.match(session.prompts[0] ?? '', /^Is the gap about facts .*\[unknown; facts\/behaviour\/both\/unknown\] $/);
    assert.ok(session.prompts.some((prompt) => /Requests per day\? \[1000\]/.test(prompt)));
    assert.match(session.output(), /Daily or weekly changes rule out/);
    assert.equal(profile.gap, 'behaviour');
    assert.equal(profile.labeledExamples, 1200);
    assert.deepEqual(profile.languages, ['en', 'de']);
    assert.equal(profile.promptingTried, true);
    assert.equal(profile.requestsPerDay, 1000);
  });

  it('explains an invalid answer and asks again; end of input keeps the remaining defaults', async () => {
    const session = scripted(['sometimes', 'facts', 'hourly', 'weekly']);
    const start = advisorProfileSchema.parse({ requestsPerDay: 42 });
    const profile = await interviewProfile(start, session.io);
    assert.match(session.output(), /answer one of facts, behaviour, both, unknown/);
    assert.equal(profile.gap, 'facts');
    assert.equal(profile.knowledgeChangeFrequency, 'weekly');
    assert.equal(profile.requestsPerDay, 42, 'a profile file supplies the defaults');
  });
});
