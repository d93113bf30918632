import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isGroundedError, type GroundedError } from '../core/errors.js';
import { advisorProfileFields } from './advisor-profile-fields.js';
import { advisorProfileSchema } from './advisor-profile-schema.js';
import { parseAdvisorProfile } from './parse-advisor-profile.js';

function thrown(action: () => unknown): GroundedError {
  try {
    action();
  } catch (error) {
    assert.ok(isGroundedError(error, 'INVALID_DATA'), String(error));
    return error;
  }
  return assert.fail('expected INVALID_DATA');
}

describe('parseAdvisorProfile', () => {
  it('reads YAML and JSON and applies every default', () => {
    const yaml = parseAdvisorProfile('gap: behaviour\nlabeledExamples: 200\nlanguages: [en, de]\n', 'p.yaml');
    assert.equal(yaml.gap, 'behaviour');
    assert.equal(yaml.labeledExamples, 200);
    assert.deepEqual(yaml.languages, ['en', 'de']);
    assert.equal(yaml.needsCitations, true);
    assert.deepEqual(parseAdvisorProfile('{"requestsPerDay": 50}', 'p.json').requestsPerDay, 50);
    assert.deepEqual(parseAdvisorProfile('', 'empty.yaml'), advisorProfileSchema.parse({}));
  });

  it('says in one line which field to fix', () => {
    const cases: [string, RegExp][] = [
      ['latencyBudgetMs: fast\n', /field 'latencyBudgetMs': .*number/],
      ['gap: vibes\n', /field 'gap': .*\(one of facts, behaviour, both, unknown\)/],
      ['latencyBudget: 300\n', /unknown field 'latencyBudget'; did you mean 'latencyBudgetMs'\?/],
      ['gap: [unclosed\n', /not valid YAML or JSON/],
      ['- a list\n', /must be a mapping/],
    ];
    for (const [text, message] of cases) {
      const error = thrown(() => parseAdvisorProfile(text, 'p.yaml'));
      assert.match(error.message, message);
      assert.doesNotMatch(error.message, /\n/);
      assert.ok(error.hint !== undefined);
    }
  });

  it('documents every field of the schema, once, with a question and an explanation', () => {
    const documented = advisorProfileFields.map((field) => field.name).sort();
    assert.deepEqual(documented, Object.keys(advisorProfileSchema.shape).sort());
    for (const field of advisorProfileFields) {
      assert.ok(field.question.endsWith('?'), field.name);
      assert.ok(field.explanation.length > 20, field.name);
      const schemaDefault = advisorProfileSchema.parse({})[field.name];
      assert.ok(schemaDefault !== undefined || field.defaultText !== undefined, `${field.name} needs a default or its text`);
    }
  });
});
